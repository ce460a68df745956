/** The composition root: configuration, store selection and the wiring of engines and the HTTP server. */
package org.advocategraph.service.app;
