/**
 * The transport, retry policy, payload writers and throttled logging behind the HTTP alert channels.
 * Not API: anything here may change without notice.
 */
package io.genops.exporters.alert.internal;
