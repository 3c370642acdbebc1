package dev.userprofile.benchmarks.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassLoadLogTest {

    @Test
    void readsTheClassNameOfEachLoadLineAndSkipsTheRest() {
        List<String> lines = List.of(
                "[0.012s][info][class,load] java.lang.Object source: shared objects file",
                "[0.310s][info][class,load] dev.userprofile.domain.UserId source: file:/var/task/lib/domain.jar",
                "[0.311s][info][class,load] dev.userprofile.Foo$$Lambda/0x0000 source: dev.userprofile.Foo",
                "[0.400s][info][gc] Using Serial");

        assertThat(ClassLoadLog.classNames(lines))
                .containsExactly(
                        "java.lang.Object", "dev.userprofile.domain.UserId", "dev.userprofile.Foo$$Lambda/0x0000");
    }

    @Test
    void countsClassesByTheirFirstThreePackageNamesLargestFirst() {
        List<String> classes = List.of(
                "software.amazon.awssdk.core.A",
                "software.amazon.awssdk.http.B",
                "software.amazon.awssdk.C",
                "dev.userprofile.domain.UserId",
                "java.lang.Object");

        assertThat(ClassLoadLog.byPackage(classes))
                .isEqualTo("software.amazon.awssdk 3, dev.userprofile.domain 1, java.lang 1");
    }
}
