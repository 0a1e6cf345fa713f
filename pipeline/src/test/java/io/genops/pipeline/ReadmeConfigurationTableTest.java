package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keeps the README's configuration table in step with the builder. */
class ReadmeConfigurationTableTest {
    @Test
    void everyBuilderOption_isInTheReadmeTable() throws IOException {
        final String readme = Files.readString(Path.of("..", "README.md"));
        final String table = readme.substring(readme.indexOf("## Configuration options"));
        final List<String> options = Arrays.stream(GenOpsBuilder.class.getDeclaredMethods())
            .filter(method -> Modifier.isPublic(method.getModifiers()))
            .filter(method -> method.getReturnType() == GenOpsBuilder.class)
            .map(Method::getName)
            .distinct()
            .collect(Collectors.toList());

        assertThat(options).hasSizeGreaterThan(30);
        assertThat(options).allSatisfy(option -> assertThat(table).contains("`" + option));
    }
}
