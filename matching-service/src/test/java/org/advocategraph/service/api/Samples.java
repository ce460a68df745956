package org.advocategraph.service.api;

import java.util.EnumMap;
import java.util.Map;

/**
 * One valid PUT of every record type, to write over {@code TinyGraph} in {@link RecordType} order (nodes first):
 * new nodes, and relationships between them and the tiny graph's nodes.
 */
final class Samples {
    /**
     * @param path the PUT path, its keys filled in
     * @param body the body, without the keys
     */
    record Sample(String path, String body) {
    }

    static final Map<RecordType, Sample> PUTS = puts();

    private Samples() {
    }

    private static Map<RecordType, Sample> puts() {
        Map<RecordType, Sample> s = new EnumMap<>(RecordType.class);
        s.put(RecordType.EMPLOYEE, new Sample("/api/v1/employees/e10", """
                {"name":"Nia Ten","title":"Support engineer","department":"support","region":"emea",\
                "languages":["EN","de"],"certifications":["social-care"],"purposes":["care","crisis"],"capacity":3,\
                "active":true,"optedIn":true,"managerId":"e1"}"""));
        s.put(RecordType.CUSTOMER, new Sample("/api/v1/customers/c10", """
                {"name":"Cleo Ten","accountId":"a1","segment":"enterprise","region":"emea","languages":["en"],\
                "handles":["@cleo"],"followers":12}"""));
        s.put(RecordType.ACCOUNT, new Sample("/api/v1/accounts/a10", """
                {"name":"Globex","industry":"energy"}"""));
        s.put(RecordType.TOPIC, new Sample("/api/v1/topics/networking", """
                {"name":"Networking"}"""));
        s.put(RecordType.PROGRAM, new Sample("/api/v1/programs/p1", """
                {"name":"Care corps","purpose":"care"}"""));
        s.put(RecordType.CONVERSATION, new Sample("/api/v1/conversations/v10", """
                {"channel":"Forum","createdAt":"2025-03-01T12:15:30+02:00","url":"https://example.com/t/10",\
                "text":"pods restart","language":"EN","sentiment":-0.4,"status":"open","purpose":"care",\
                "authorReach":40,"authorId":"c10"}"""));
        s.put(RecordType.EXPERTISE, new Sample("/api/v1/expertise/e10/networking", """
                {"level":0.7,"source":"self"}"""));
        s.put(RecordType.INTEREST, new Sample("/api/v1/interests/c10/networking", """
                {"weight":0.6}"""));
        s.put(RecordType.SUBTOPIC, new Sample("/api/v1/subtopics/networking/cloud", "{}"));
        s.put(RecordType.TIE, new Sample("/api/v1/ties/c10/e10/knows", """
                {"strength":0.8,"since":"2024-02-14T00:00:00Z"}"""));
        s.put(RecordType.PARTICIPATION, new Sample("/api/v1/participations/e10/v10", "{}"));
        s.put(RecordType.ABOUT, new Sample("/api/v1/about/v10/networking", """
                {"weight":0.9}"""));
        s.put(RecordType.ACCOUNT_OWNER, new Sample("/api/v1/account-owners/e10/a10", "{}"));
        s.put(RecordType.MEMBERSHIP, new Sample("/api/v1/memberships/e10/p1", """
                {"since":"2025-01-01T00:00:00Z"}"""));
        return s;
    }
}
