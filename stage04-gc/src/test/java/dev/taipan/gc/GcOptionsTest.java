package dev.taipan.gc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.TaipanError;
import org.junit.jupiter.api.Test;

/** {@code --gc} and {@code --heap-max} as a user writes them, and the errors a mistake gets. */
class GcOptionsTest {

    @Test
    void collectorsByName() {
        assertThat(Collector.parse("marksweep")).isEqualTo(Collector.MARKSWEEP);
        assertThat(Collector.parse(null)).isEqualTo(Collector.DEFAULT);
        assertThatThrownBy(() -> Collector.parse("copying")).isInstanceOf(TaipanError.class)
                .hasMessage("--gc=copying: no such collector; the collectors are none, marksweep, semispace, generational, minimark");
    }

    @Test
    void heapSizes() {
        assertThat(GcStage.parseSize(null)).isZero();
        assertThat(GcStage.parseSize("4096")).isEqualTo(4096);
        assertThat(GcStage.parseSize("64k")).isEqualTo(64 << 10);
        assertThat(GcStage.parseSize("64M")).isEqualTo(64L << 20);
        assertThat(GcStage.parseSize("2g")).isEqualTo(2L << 30);
        for (String bad : new String[] {"", "12x", "-5m", "0", "m", "99999999999999999g"}) {
            assertThatThrownBy(() -> GcStage.parseSize(bad)).as(bad).isInstanceOf(TaipanError.class)
                    .hasMessageContaining("a size is a positive number of bytes, or of k, m or g");
        }
    }
}
