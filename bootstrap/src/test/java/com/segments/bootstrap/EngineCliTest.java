package com.segments.bootstrap;

import com.segments.adapters.jdbc.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code train --engine} from segments.jar alone, as a user without the optional Spark module runs it: the engine is
 * not on this class path, so the command says how to build it and stores nothing; options that only an engine reads
 * are refused without one. (The engine itself is tested in engine-spark, which has Spark on its class path.)
 */
class EngineCliTest {

    @TempDir
    Path work;

    private Cli cli() {
        return Cli.on(TestDatabases.h2(work.resolve("db")), work);
    }

    private Path customers() throws Exception {
        Path csv = work.resolve("c.csv");
        Files.writeString(csv, "id,a,b\n1,1,2\n2,3,4\n3,5,6\n4,7,8\n");
        return csv;
    }

    @Test
    void withoutTheSparkModuleTrainSaysHowToBuildItAndStoresNothing() throws Exception {
        Cli cli = cli();
        Cli.Result result = cli.run("train", "--engine", "spark", "--data", customers().toString(), "--k", "2");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.err()).contains("no training engine 'spark' on the class path")
                .contains("./mvnw -pl engine-spark -am package -DskipTests").doesNotContain("\tat ");
        assertThat(cli.run("models", "--json").json()).isEmpty();
    }

    @Test
    void engineOptionsWithoutAnEngineAndAnEngineWithoutKAreWrongCommandLines() throws Exception {
        Cli cli = cli();
        String data = customers().toString();
        Cli.Result master = cli.run("train", "--data", data, "--k", "2", "--master", "local[2]");
        assertThat(master.exitCode()).isEqualTo(2);
        assertThat(master.err()).contains("--master, --jdbc-url and --assignments-out go with --engine spark");
        Cli.Result noK = cli.run("train", "--engine", "spark", "--data", data);
        assertThat(noK.exitCode()).isEqualTo(2);
        assertThat(noK.err()).contains("--engine needs --k");
        Cli.Result uri = cli.run("train", "--data-uri", "hdfs://nn/customers.csv", "--k", "2");
        assertThat(uri.exitCode()).isEqualTo(2);
        assertThat(uri.err()).contains("--data-uri is read by a training engine");
        Cli.Result unknown = cli.run("train", "--engine", "spark", "--data", data, "--k", "2", "--param", "restarts=3");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown engine parameter(s) [restarts]");
    }
}
