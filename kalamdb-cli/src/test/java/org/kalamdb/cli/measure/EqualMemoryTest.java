package org.kalamdb.cli.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.cli.CliRun;
import org.kalamdb.config.ColumnFamilyProfile;
import org.kalamdb.config.RocksDbConfig;

class EqualMemoryTest {

  @TempDir Path dir;

  @Test
  void theCapsMemtableLimitIsSharedOutAsTwoBuffersPerColumnFamily() {
    RocksDbConfig capped = new RocksDbConfig(4, 2, 32, 32);

    RocksDbConfig equal = EqualMemory.of(capped, 57);

    assertThat(equal.memtableLimitBytes()).isZero();
    assertThat(equal.blockCacheSizeBytes()).isEqualTo(32L << 20);
    ColumnFamilyProfile profile = equal.profiles().get(0);
    assertThat(profile.maxWriteBufferNumber()).isEqualTo(2);
    // 57 x 2 x 294,337 bytes = 33,554,418: the cap's 32 MB, to the byte rounded down.
    assertThat(profile.writeBufferSizeBytes()).isEqualTo((32L << 20) / 114);
    assertThat(57 * 2 * profile.writeBufferSizeBytes()).isBetween((32L << 20) - 114, 32L << 20);
  }

  @Test
  void theEqualProfileNeedsAConfigWithALimit() throws IOException {
    Path uncapped = Files.writeString(dir.resolve("config.toml"), "[rocksdb]\n");

    CliRun noConfig = CliRun.of("measure", "--profiles", "equal");
    CliRun noLimit = CliRun.of("measure", "--profiles", "equal", "--config", uncapped.toString());

    assertThat(noConfig.exitCode()).isEqualTo(2);
    assertThat(noConfig.err()).startsWith("profile equal needs --config FILE");
    assertThat(noLimit.exitCode()).isEqualTo(2);
    assertThat(noLimit.err())
        .startsWith(
            "profile equal shares out the --config file's memtable limit, and "
                + uncapped
                + " sets none (memtable_limit_mb = 0)");
  }

  @Test
  void theEqualProfileRunsBesideTheCapItIsSizedFrom() throws IOException {
    Path capped =
        Files.writeString(
            dir.resolve("config.toml"),
            "[rocksdb]\nwrite_buffer_size_mb = 1\nblock_cache_size_mb = 4\nmemtable_limit_mb = 8\n");

    CliRun run =
        CliRun.of(
            "measure",
            "--config",
            capped.toString(),
            "--profiles",
            "config,equal",
            "--column-families",
            "2",
            "--mb-per-cf",
            "2",
            "--work-dir",
            dir.resolve("work").toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.errLines())
        .containsExactly("[1/2] config, 2 CFs ...", "[2/2] per-CF buffers, same memory, 2 CFs ...");
    // Two 2 MB buffers per column family hold at most 8 MB of memtables, as the cap does.
    assertThat(run.out()).containsPattern("\\| per-CF buffers, same memory +\\| 2 +\\|");
  }
}
