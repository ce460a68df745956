package org.advocategraph.service.api;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.service.NotFoundException;
import org.advocategraph.service.engagement.AssignmentConflictException;
import org.advocategraph.service.engagement.AssignmentEvents;
import org.advocategraph.service.engagement.AssignmentService;
import org.advocategraph.service.engagement.Transition;
import org.advocategraph.service.engagement.WebhookDispatcher;
import org.advocategraph.service.matching.AdvocateMatcher;
import org.advocategraph.service.analytics.CoverageGaps;
import org.advocategraph.service.analytics.InfluenceAnalytics;
import org.advocategraph.service.analytics.NetworkExport;
import org.advocategraph.service.analytics.ProjectionCache;
import org.advocategraph.service.analytics.ReachAnalytics;
import org.advocategraph.service.assignment.BatchAssigner;
import org.advocategraph.service.outcomes.BrewingAlerts;
import org.advocategraph.service.outcomes.EngagementOutcomes;
import org.advocategraph.service.policy.PolicyBook;
import org.advocategraph.service.team.TeamBuilder;
import org.advocategraph.service.triage.Triage;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.StoreException;

/**
 * The HTTP API on Javalin. Takes its collaborators in the constructor so that tests can build it on any store;
 * {@link #routes()} is the single table of routes and allowed roles.
 *
 * <p>Every {@code /api} route requires {@code Authorization: Bearer KEY} with an allowed role; every error
 * leaves as {@code application/problem+json}. A 500 reveals only an incident id, which is logged with the cause.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    /** How old the analytics projection may get over a store that cannot tell about writes. */
    private static final java.time.Duration PROJECTION_MAX_AGE = java.time.Duration.ofSeconds(60);
    private static final Set<Role> MATCHING_ROLES = Set.of(Role.CRM, Role.MANAGER, Role.ADMIN);
    private static final Set<Role> ANALYTICS_ROLES = Set.of(Role.ANALYST, Role.MANAGER, Role.ADMIN);
    private static final Set<Role> POLICY_EDITORS = Set.of(Role.MANAGER, Role.ADMIN);
    private static final Set<Role> EVERY_ROLE = Set.of(Role.CRM, Role.MANAGER, Role.ANALYST, Role.ADMIN);
    private static final Set<Role> ASSIGNMENT_WRITE_ROLES = Set.of(Role.CRM, Role.MANAGER, Role.ADMIN);
    private static final Set<Role> ASSIGNMENT_READ_ROLES = Set.of(Role.CRM, Role.MANAGER, Role.ADMIN, Role.ANALYST);
    private static final Set<Role> WEBHOOK_ROLES = Set.of(Role.MANAGER, Role.ADMIN);
    /** CRM writes: upserts and bulk. */
    private static final Set<Role> WRITE_ROLES = Set.of(Role.CRM, Role.ADMIN);
    /** Reading one record. */
    private static final Set<Role> READ_ROLES = Set.of(Role.CRM, Role.MANAGER, Role.ANALYST, Role.ADMIN);
    /** Erasing a person. */
    private static final Set<Role> PRIVACY_ROLES = Set.of(Role.ADMIN, Role.CRM);

    private final ApiSettings settings;
    private final ApiKeys keys;
    private final ObjectMapper mapper = Json.mapper();
    private final List<ApiRoute> routes = new ArrayList<>();
    private final Javalin app;

    /**
     * @param settings host, port and bounds
     * @param keys     accepted API keys
     * @param engines  what the routes answer with
     */
    public ApiServer(ApiSettings settings, ApiKeys keys, Engines engines) {
        this.settings = settings;
        this.keys = keys;
        GraphStore store = engines.store();
        AdvocateMatcher matcher = engines.matcher();
        PolicyBook policies = engines.policies();
        var health = new HealthHandler(store);
        var matches = new MatchHandler(matcher, store, mapper);
        var reachHandler = new ReachHandler(engines.reach());
        var analytics = new AnalyticsHandlers(engines.influence(), engines.gaps(), engines.export());
        var outcomes = new OutcomeHandlers(engines.outcomes(), engines.alerts());
        var policy = new PolicyHandlers(policies, mapper);
        var routing = new RoutingHandlers(engines.triage(), engines.teams(), engines.batch(), engines.assignments(), mapper);
        var engagement = new AssignmentHandlers(engines.assignments(), engines.webhook(), mapper);
        var records = new RecordHandlers(store, mapper);
        var bulk = new BulkHandler(store, mapper);
        var docs = new ApiDocs(this::routes, new OpenApi(mapper));
        this.app = Javalin.create(config -> {
            configure(config);
            route(config, new ApiRoute("GET", "/health", Set.of(), "Liveness and store status (no key)", null,
                    "Health", List.of()), health);
            route(config, new ApiRoute("GET", "/openapi.json", Set.of(), "This API as an OpenAPI 3 document (no key)",
                    null, OpenApi.DOCUMENT, List.of()), docs.document());
            route(config, new ApiRoute("GET", "/docs", Set.of(), "Interactive API documentation (no key)", null,
                    OpenApi.HTML, List.of()), docs.page());
            route(config, new ApiRoute("POST", "/api/v1/matches", MATCHING_ROLES, "Ranked, explained advocates",
                    ApiRoute.Body.json("MatchRequest"), "MatchResult", List.of()), matches);
            route(config, new ApiRoute("GET", "/api/v1/analytics/reach", ANALYTICS_ROLES,
                    "Distinct people reached within hops of advocates, a program or a department; each seed's reach "
                            + "alone and marginal reach; overlap", null, "Reach", List.of(
                    new ApiRoute.Param("advocates", "string", "comma-separated employee ids (at most 10,000)"),
                    new ApiRoute.Param("program", "string", "a program id, instead of advocates"),
                    new ApiRoute.Param("department", "string", "a department name, instead of advocates"),
                    new ApiRoute.Param("hops", "integer", "1..3, default 1"))), reachHandler::reach);
            route(config, new ApiRoute("GET", "/api/v1/analytics/recruits", ANALYTICS_ROLES,
                    "The k employees to enlist next for the most added reach (greedy coverage or IMM cascade)", null,
                    "Recruits", List.of(
                    new ApiRoute.Param("k", "integer", "1..100, default 10"),
                    new ApiRoute.Param("model", "string", "coverage (default) or cascade"),
                    new ApiRoute.Param("hops", "integer", "1..3, default 2 (coverage)"),
                    new ApiRoute.Param("program", "string", "enlisted = this program's members (default: the advocates)"),
                    new ApiRoute.Param("epsilon", "number", "IMM's slack, 0.05..0.5, default 0.1 (cascade)"),
                    new ApiRoute.Param("probability", "number", "a uniform tie probability in (0, 1] instead of the "
                            + "weighted cascade (cascade)"))), reachHandler::recruits);
            route(config, new ApiRoute("GET", "/api/v1/analytics/influencers", ANALYTICS_ROLES,
                    "The most influential people by PageRank (optionally personalized), degree, betweenness or core number",
                    null, "Influencers", List.of(new ApiRoute.Param("algorithm", "string",
                            "pagerank (default), degree, betweenness or kcore"),
                            new ApiRoute.Param("limit", "integer", "1..100, default 10"),
                            new ApiRoute.Param("advocatesOnly", "boolean", "only employees who may be matched"),
                            new ApiRoute.Param("seeds", "string", "comma-separated person ids to personalize "
                                    + "PageRank to (at most 1,000)"))), analytics::influencers);
            route(config, new ApiRoute("GET", "/api/v1/analytics/communities", ANALYTICS_ROLES,
                    "Communities of the network (Leiden, modularity), largest first, with topics and advocates", null,
                    "Communities", List.of(new ApiRoute.Param("resolution", "number", "0.05..20, default 1"),
                            new ApiRoute.Param("limit", "integer", "communities described, 1..100, default 20"),
                            new ApiRoute.Param("topics", "integer", "top topics per community, 0..20, default 5"))),
                    analytics::communities);
            route(config, new ApiRoute("GET", "/api/v1/analytics/gaps", ANALYTICS_ROLES,
                    "Topics or communities where demand outruns advocates and their free capacity, widest gap first",
                    null, "Gaps", List.of(new ApiRoute.Param("by", "string", "topic (default) or community"),
                            new ApiRoute.Param("limit", "integer", "1..100, default 20"),
                            new ApiRoute.Param("resolution", "number", "communities' resolution, 0.05..20, default 1"))),
                    analytics::gaps);
            route(config, new ApiRoute("GET", "/api/v1/analytics/export", ANALYTICS_ROLES,
                    "The people network with communities and scores on every person, as GraphML or GEXF for Gephi",
                    null, OpenApi.NETWORK, List.of(new ApiRoute.Param("format", "string", "gexf (default) or graphml"),
                            new ApiRoute.Param("scores", "string", "comma-separated: community, pagerank, degree, "
                                    + "betweenness, kcore; default community,pagerank"),
                            new ApiRoute.Param("color", "string", "the result that colours the nodes; default community "
                                    + "when exported, else the first"),
                            new ApiRoute.Param("resolution", "number", "communities' resolution, 0.05..20, default 1"))),
                    analytics::export);
            route(config, new ApiRoute("GET", "/api/v1/analytics/engagement", ANALYTICS_ROLES,
                    "Engagement outcomes per advocate or program in a window, with a leaderboard", null, "Engagement",
                    List.of(new ApiRoute.Param("by", "string", "advocate (default) or program"),
                            new ApiRoute.Param("from", "string", "window start, ISO 8601 date-time or date; default: "
                                    + "30 days before to"),
                            new ApiRoute.Param("to", "string", "window end (exclusive), ISO 8601; default: now"),
                            new ApiRoute.Param("program", "string", "only assignments of this program's members"),
                            new ApiRoute.Param("sort", "string", "score (default), assignments, resolved, acceptance, "
                                    + "response, resolution, speed or lift"),
                            new ApiRoute.Param("limit", "integer", "groups listed, 1..500, default 50"),
                            new ApiRoute.Param("minAssignments", "integer", "scored assignments needed for a rank, "
                                    + "1..1000, default 3"),
                            new ApiRoute.Param("bucket", "string", "day or week: a time series of the totals"))),
                    outcomes::engagement);
            route(config, new ApiRoute("GET", "/api/v1/analytics/alerts", ANALYTICS_ROLES,
                    "Topics whose negative-sentiment volume spikes above their own baseline, with a team to mobilize",
                    null, "Alerts", List.of(new ApiRoute.Param("window", "string", "ISO 8601 duration, PT1H..P90D, "
                            + "default P1D"),
                            new ApiRoute.Param("baselineWindows", "integer", "preceding windows, 3..365, default 28"),
                            new ApiRoute.Param("now", "string", "end of the latest window, ISO 8601; default: now"),
                            new ApiRoute.Param("minVolume", "number", "least negative volume that may alert, default 3"),
                            new ApiRoute.Param("negativeBelow", "number", "sentiment threshold, -1..1, default -0.25"),
                            new ApiRoute.Param("limit", "integer", "alerts, 1..100, default 20"),
                            new ApiRoute.Param("teamSize", "integer", "advocates per team, 1..25, default 5"))),
                    outcomes::alerts);
            for (RecordType type : RecordType.values()) {
                route(config, new ApiRoute("PUT", type.path(), WRITE_ROLES, "Create or update one " + type.typeName()
                        + " by its key (idempotent)", ApiRoute.Body.json(type.schema()), type.schema(), List.of()),
                        records.put(type));
                if (type.isNode()) {
                    route(config, new ApiRoute("GET", type.path(), READ_ROLES, "Read one " + type.typeName(), null,
                            type.schema(), List.of()), records.get(type));
                }
            }
            route(config, new ApiRoute("POST", "/api/v1/bulk", WRITE_ROLES, "Create or update many records of any type "
                    + "at once, all or nothing", new ApiRoute.Body(BulkHandler.MEDIA_TYPE, OpenApi.BULK), "BulkSummary",
                    List.of()), bulk);
            route(config, new ApiRoute("DELETE", "/api/v1/people/{id}", PRIVACY_ROLES, "Erase a person (privacy "
                    + "request): the employee or customer, their relationships and every reference to their id"),
                    records.deletePerson());
            route(config, "GET", "/api/v1/triage", MATCHING_ROLES,
                    "Open conversations by urgency, each with its best advocate", routing::triage);
            route(config, "POST", "/api/v1/conversations/{id}/mobilize", MATCHING_ROLES,
                    "A team that covers the conversation's topics and community", routing::mobilize);
            route(config, "POST", "/api/v1/assignments/batch", POLICY_EDITORS,
                    "Optimal assignment of a queue of conversations, against greedy", routing::batch);
            route(config, "GET", "/api/v1/policies", EVERY_ROLE, "Every program's and account's routing policy", policy::list);
            route(config, "PUT", "/api/v1/programs/{id}/policy", POLICY_EDITORS, "Set a program's routing policy",
                    policy::putProgram);
            route(config, "DELETE", "/api/v1/programs/{id}/policy", POLICY_EDITORS, "Remove a program's routing policy",
                    policy::deleteProgram);
            route(config, "PUT", "/api/v1/accounts/{id}/policy", POLICY_EDITORS,
                    "Set whether an account's owners allow other advocates", policy::putAccount);
            route(config, "DELETE", "/api/v1/accounts/{id}/policy", POLICY_EDITORS, "Remove an account's policy",
                    policy::deleteAccount);
            route(config, "POST", "/api/v1/assignments", ASSIGNMENT_WRITE_ROLES,
                    "Propose an advocate for a conversation (409 while it has an open assignment)", engagement.propose());
            route(config, "GET", "/api/v1/assignments", ASSIGNMENT_READ_ROLES,
                    "Assignments by conversationId, employeeId and status, latest first", engagement.list());
            route(config, "GET", "/api/v1/assignments/{id}", ASSIGNMENT_READ_ROLES, "One assignment", engagement.get());
            for (Transition step : Transition.values()) {
                route(config, "POST", "/api/v1/assignments/{id}/" + step.verb(), ASSIGNMENT_WRITE_ROLES,
                        "Move an assignment from " + step.from().stream().map(s -> s.key()).toList() + " to "
                                + step.target().key(), engagement.step(step));
            }
            route(config, "GET", "/api/v1/webhooks/deliveries", WEBHOOK_ROLES,
                    "Recent webhook deliveries, newest first", engagement.deliveries());
        });
    }

    /**
     * The engines behind the routes.
     *
     * @param store    the graph, for health
     * @param matcher  the matching engine
     * @param policies the routing policies
     * @param triage   ranks open conversations
     * @param teams    mobilizes teams
     * @param batch       assigns queues
     * @param assignments the assignment lifecycle
     * @param webhook     the webhook events are delivered to, if one is configured
     * @param influence   centrality and communities
     * @param reach       reach, overlap and recruitment
     * @param gaps        coverage gaps
     * @param export      the network with analytics results, for Gephi
     * @param outcomes    engagement outcomes and the leaderboard
     * @param alerts      brewing-problem alerts
     */
    public record Engines(GraphStore store, AdvocateMatcher matcher, PolicyBook policies,
                          Triage triage, TeamBuilder teams, BatchAssigner batch, AssignmentService assignments,
                          Optional<WebhookDispatcher> webhook, InfluenceAnalytics influence, ReachAnalytics reach,
                          CoverageGaps gaps, NetworkExport export, EngagementOutcomes outcomes, BrewingAlerts alerts) {
        /** @return the engines built on one store and matcher, with assignments that publish no events */
        public static Engines on(GraphStore store, AdvocateMatcher matcher, PolicyBook policies) {
            return on(store, matcher, policies, new AssignmentService(store, AssignmentEvents.NONE, Clock.systemUTC()),
                    Optional.empty());
        }

        /** @return the engines built on one store and matcher, with the given assignment lifecycle and webhook */
        public static Engines on(GraphStore store, AdvocateMatcher matcher, PolicyBook policies,
                                 AssignmentService assignments, Optional<WebhookDispatcher> webhook) {
            // One projection serves every analytics route.
            ProjectionCache projections = new ProjectionCache(store, PROJECTION_MAX_AGE, Clock.systemUTC());
            var influence = new InfluenceAnalytics(store, projections);
            Triage triage = new Triage(store, matcher, Clock.systemUTC());
            TeamBuilder teams = new TeamBuilder(store, matcher);
            return new Engines(store, matcher, policies, triage, teams, new BatchAssigner(store, matcher), assignments,
                    webhook, influence, new ReachAnalytics(store, projections), new CoverageGaps(store, influence),
                    new NetworkExport(store, influence), new EngagementOutcomes(store, Clock.systemUTC()),
                    new BrewingAlerts(store, triage, teams, Clock.systemUTC()));
        }
    }

    /** @return every route with its allowed roles */
    public List<ApiRoute> routes() {
        return List.copyOf(routes);
    }

    /** Starts listening. */
    public ApiServer start() {
        app.start(settings.host(), settings.port());
        return this;
    }

    /** @return the bound port (after {@link #start()}) */
    public int port() {
        return app.port();
    }

    /** @return the Javalin instance, for in-process HTTP tests */
    public Javalin javalin() {
        return app;
    }

    @Override
    public void close() {
        app.stop();
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = settings.maxBodyBytes();
        // Swagger UI for /docs, from its jar: the service must not depend on a CDN.
        config.staticFiles.enableWebjars();
        config.jsonMapper(new JavalinJackson(mapper, false));
        config.routes.exception(Exception.class, this::handleException);
        // Javalin answers its own HTTP exceptions (such as 413) in plain text unless they are mapped explicitly.
        config.routes.exception(HttpResponseException.class, this::handleException);
        config.routes.error(404, "*", ctx -> {
            if (!isProblem(ctx)) {
                writeProblem(ctx, new Problem("/problems/not-found", "Not found", 404,
                        "no route " + ctx.method() + " " + ctx.path(), ctx.path(), null, null));
            }
        });
        config.routes.error(405, "*", ctx -> {
            if (!isProblem(ctx)) {
                writeProblem(ctx, new Problem("/problems/method-not-allowed", "Method not allowed", 405,
                        ctx.method() + " is not allowed on " + ctx.path(), ctx.path(), null, null));
            }
        });
    }

    /** Adds a route documented by its summary alone (no body or parameter schemas). */
    private void route(JavalinConfig config, String method, String path, Set<Role> roles, String summary, Handler handler) {
        route(config, new ApiRoute(method, path, roles, summary), handler);
    }

    private void route(JavalinConfig config, ApiRoute route, Handler handler) {
        routes.add(route);
        String method = route.method();
        String path = route.path();
        Set<Role> roles = route.roles();
        Handler guarded = roles.isEmpty() ? handler : ctx -> {
            authorize(ctx, method, path, roles);
            handler.handle(ctx);
        };
        switch (method) {
            case "GET" -> config.routes.get(path, guarded);
            case "POST" -> config.routes.post(path, guarded);
            case "PUT" -> config.routes.put(path, guarded);
            case "DELETE" -> config.routes.delete(path, guarded);
            default -> throw new IllegalArgumentException("unsupported method " + method);
        }
    }

    private void authorize(Context ctx, String method, String path, Set<Role> allowed) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw ApiException.unauthorized("send the API key as 'Authorization: Bearer KEY'");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("the Authorization header must use the Bearer scheme");
        }
        Role role = keys.roleOf(header.substring(7).trim())
                .orElseThrow(() -> ApiException.unauthorized("the API key is not valid"));
        if (!allowed.contains(role)) {
            throw ApiException.forbidden("role " + role.key() + " may not use " + method + " " + path + "; allowed: "
                    + allowed.stream().map(Role::key).sorted().toList());
        }
        ctx.attribute("role", role);
    }

    private void handleException(Exception e, Context ctx) {
        Problem problem;
        if (e instanceof ApiException a) {
            problem = new Problem("/problems/" + a.type(), a.title(), a.status(), a.getMessage(), ctx.path(), a.field(), null,
                    a.errors());
            if (a.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer");
            }
        } else if (e instanceof InvalidFieldException f) {
            problem = new Problem("/problems/invalid-request", "Invalid request", 400, f.getMessage(), ctx.path(),
                    f.field(), null);
        } else if (e instanceof AssignmentConflictException c) {
            problem = new Problem("/problems/conflict", "Conflict", 409, c.getMessage(), ctx.path(), c.field(), null);
        } else if (e instanceof NotFoundException n) {
            problem = new Problem("/problems/not-found", "Not found", 404, n.getMessage(), ctx.path(), n.field(), n.ids());
        } else if (e instanceof HttpResponseException h && h.getStatus() == 404) {
            // Javalin's own answer when no route matches the path.
            problem = new Problem("/problems/not-found", "Not found", 404, "no route " + ctx.method() + " " + ctx.path(),
                    ctx.path(), null, null);
        } else if (e instanceof HttpResponseException h) {
            String detail = h.getStatus() == 413
                    ? "the request body is larger than " + settings.maxBodyBytes() + " bytes"
                    : h.getMessage();
            problem = new Problem("/problems/http-" + h.getStatus(), statusTitle(h.getStatus()), h.getStatus(), detail,
                    ctx.path(), h.getStatus() == 413 ? "body" : null, null);
        } else if (e instanceof StoreException s) {
            String incident = UUID.randomUUID().toString();
            LOG.error("Store failure, incident {} on {} {}", incident, ctx.method(), ctx.path(), s);
            problem = new Problem("/problems/store-unavailable", "Graph store unavailable", 503,
                    "the graph store did not answer; try again later (incident " + incident + ")", ctx.path(), null, null);
        } else {
            String incident = UUID.randomUUID().toString();
            LOG.error("Unexpected failure, incident {} on {} {}", incident, ctx.method(), ctx.path(), e);
            problem = new Problem("/problems/internal", "Internal error", 500,
                    "an internal error occurred (incident " + incident + ")", ctx.path(), null, null);
        }
        writeProblem(ctx, problem);
    }

    private void writeProblem(Context ctx, Problem problem) {
        ctx.status(problem.status());
        ctx.json(problem);
        ctx.contentType(Problem.MEDIA_TYPE);
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problem.MEDIA_TYPE);
    }

    private static String statusTitle(int status) {
        return switch (status) {
            case 413 -> "Content too large";
            case 400 -> "Invalid request";
            default -> "HTTP " + status;
        };
    }
}
