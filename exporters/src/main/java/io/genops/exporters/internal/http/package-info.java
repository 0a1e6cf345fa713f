/**
 * The HTTP pieces every sender in this module shares: one classified request with a deadline
 * ({@link io.genops.exporters.internal.http.Exchange}, {@link io.genops.exporters.internal.http.Attempt}),
 * retry pauses and {@code Retry-After} parsing, endpoint checks that never print a secret, and
 * throttled failure warnings. Not API: anything here may change without notice.
 */
package io.genops.exporters.internal.http;
