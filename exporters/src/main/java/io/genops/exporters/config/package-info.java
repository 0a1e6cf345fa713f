/**
 * Builds this module's exporters and alert channels from a {@code GenOpsConfiguration}: one provider per
 * type, listed in {@code META-INF/services} and found by {@code GenOpsBuilder.configuration(...)}. Each
 * maps every key under its type's section onto the public builder, so a key and a builder option cannot
 * mean different things; secrets are revealed only into the builder that sends them.
 */
package io.genops.exporters.config;
