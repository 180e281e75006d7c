/**
 * What every Herald queue route does with a message that fails, defined once: the classification
 * of a failure ({@link org.herald.camel.support.Failure}: the input is wrong, try again later, or
 * a bug), the headers a parked message carries ({@link org.herald.camel.support.FailureHeaders}:
 * the reason for wrong input, a fixed text with a log reference otherwise, never SQL), and the
 * {@code onException} clauses that apply both to a route builder
 * ({@link org.herald.camel.support.FailurePolicy}). 1.1: {@link org.herald.camel.support.RouteProducer}, a
 * producer template for sending into a running route from outside Camel.
 */
@Export
@Version("1.1.0")
package org.herald.camel.support;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
