package dev.taipan.gc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.cli.ExecOptions;
import org.junit.jupiter.api.Test;

/** {@code --gc}, {@code --heap-max} and {@code --nursery} as a user writes them, and the errors a mistake gets. */
class GcOptionsTest {

    @Test
    void collectorsByName() {
        assertThat(Collector.parse("marksweep")).isEqualTo(Collector.MARKSWEEP);
        assertThat(Collector.parse(null)).isEqualTo(Collector.DEFAULT);
        assertThatThrownBy(() -> Collector.parse("copying")).isInstanceOf(TaipanError.class)
                .hasMessage("--gc=copying: no such collector; the collectors are none, marksweep, semispace, generational, minimark");
    }

    @Test
    void sizes() {
        assertThat(GcParams.parseSize("--heap-max", "4096")).isEqualTo(4096);
        assertThat(GcParams.parseSize("--heap-max", "64k")).isEqualTo(64 << 10);
        assertThat(GcParams.parseSize("--heap-max", "64M")).isEqualTo(64L << 20);
        assertThat(GcParams.parseSize("--nursery", "2g")).isEqualTo(2L << 30);
        for (String bad : new String[] {"", "12x", "-5m", "0", "m", "99999999999999999g"}) {
            assertThatThrownBy(() -> GcParams.parseSize("--nursery", bad)).as(bad).isInstanceOf(TaipanError.class)
                    .hasMessage("--nursery=" + bad + ": a size is a positive number of bytes, or of k, m or g (64m)");
        }
    }

    @Test
    void whatTheOptionsDoNotSayIsTheStagesDefault() {
        ExecOptions none = new ExecOptions(false, null, "minimark", false, null);
        assertThat(GcParams.of(none, GcParams.INTERPRETED)).isEqualTo(new GcParams(0, 256 << 10, false, false));
        assertThat(GcParams.of(none, GcParams.NATIVE)).isEqualTo(new GcParams(0, 4 << 20, false, false));

        ExecOptions all = new ExecOptions(true, null, "minimark", true, "64m", "1m", false);
        assertThat(GcParams.of(all, GcParams.NATIVE)).isEqualTo(new GcParams(64L << 20, 1 << 20, true, true));
    }
}
