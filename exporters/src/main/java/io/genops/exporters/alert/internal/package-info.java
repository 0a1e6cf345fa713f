/**
 * The delivery loop (retries with backoff, counting, warnings) and the payload writers behind the HTTP
 * alert channels, on the shared pieces of {@code io.genops.exporters.internal.http}. Not API: anything
 * here may change without notice.
 */
package io.genops.exporters.alert.internal;
