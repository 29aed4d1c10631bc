package io.tenure.engine.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenureConfigTest {
    @Test
    void storageFollowsTheFeedsSizeAgainstTheMemoryLimit() {
        var auto = new TenureConfig.Engine(2, "8GB", 6, null);
        assertThat(auto.storage()).isEqualTo("auto");
        assertThat(auto.onDisk(2_000_000_000L)).isFalse();
        assertThat(auto.onDisk(2_000_000_001L)).isTrue();
        assertThat(new TenureConfig.Engine(2, "8GiB", 6, "MEMORY").onDisk(Long.MAX_VALUE)).isFalse();
        assertThat(new TenureConfig.Engine(2, "512MB", 6, "disk").onDisk(0)).isTrue();
    }

    @Test
    void readsMemoryLimitsInDecimalAndBinaryUnits() {
        assertThat(TenureConfig.Engine.memoryLimitBytes("8GB")).isEqualTo(8_000_000_000L);
        assertThat(TenureConfig.Engine.memoryLimitBytes(" 1.5 GiB ")).isEqualTo(3L << 29);
        assertThat(TenureConfig.Engine.memoryLimitBytes("512mb")).isEqualTo(512_000_000L);
    }

    @Test
    void refusesUnknownStorageAndUnreadableMemoryLimits() {
        assertThatThrownBy(() -> new TenureConfig.Engine(2, "lots", 6, null))
                .hasMessageContaining("engine.memory-limit must be a size such as 8GB");
        assertThatThrownBy(() -> new TenureConfig.Engine(2, "8GB", 6, "cloud"))
                .hasMessageContaining("engine.storage must be auto, memory or disk");
    }
}
