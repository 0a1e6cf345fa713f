package io.genops.pipeline.journal;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What journal retention has done since the pipeline started, and what holds it back.
 *
 * @param active         whether a retention age or size is set; when not, every figure is 0 and nothing
 *                       is ever deleted
 * @param runs           applications of the limits, the one at open included
 * @param failures       applications that failed (a file that could not be listed, read or deleted); the
 *                       next roll tries again
 * @param filesDeleted   cycle files deleted
 * @param cyclesHeldBack past cycles over the limits that the latest run kept because an exporter has not
 *                       settled them: the journal grows by these until that exporter catches up
 * @param heldBackBy     per exporter holding cycles back in the latest run, how many it alone holds
 * @param stalePositions position files, found by the latest run, of exporters this pipeline does not run;
 *                       they hold nothing back and can be deleted once that exporter is gone for good
 */
public record RetentionStatus(boolean active, long runs, long failures, long filesDeleted, int cyclesHeldBack,
    Map<String, Integer> heldBackBy, List<Path> stalePositions) {

    /** The status of a pipeline without a journal, or whose journal keeps everything. */
    public static final RetentionStatus INACTIVE = new RetentionStatus(false, 0, 0, 0, 0, Map.of(), List.of());

    public RetentionStatus {
        heldBackBy = Collections.unmodifiableMap(new LinkedHashMap<>(heldBackBy));
        stalePositions = List.copyOf(stalePositions);
    }
}
