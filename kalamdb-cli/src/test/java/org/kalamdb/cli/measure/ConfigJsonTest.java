package org.kalamdb.cli.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.kalamdb.cli.JsonOutput;
import org.kalamdb.cli.ServerToml;
import org.kalamdb.config.ConfigValidator;
import org.kalamdb.config.RocksDbConfig;

class ConfigJsonTest {

  @Test
  void everyDialectGoesToTheWorkerAndBackUnchanged() throws Exception {
    RocksDbConfig server =
        new ConfigValidator()
            .validate(
                ServerToml.with(
                        "compact_on_startup = false",
                        "compact_on_startup = true\n" + "write_buffer_size = 524288")
                    .getBytes(StandardCharsets.UTF_8),
                "server.toml")
            .config();
    for (RocksDbConfig config :
        new RocksDbConfig[] {
          RocksDbConfig.defaults().withMemtableLimitMb(64), RocksDbConfig.serverDefaults(), server
        }) {
      WorkerRequest request =
          WorkerRequest.of(Profile.CONFIG, "/tmp/store", 6, 1, 100, KeyOrder.SEQUENTIAL, config);

      String json = JsonOutput.toJson(request);
      WorkerRequest read = JsonOutput.mapper().readValue(json, WorkerRequest.class);

      assertThat(read.rocksDbConfig()).isEqualTo(config);
    }
    assertThat(server.legacyProfile()).isPresent();
    assertThat(server.dbSettings().compactOnStartup()).isTrue();
  }
}
