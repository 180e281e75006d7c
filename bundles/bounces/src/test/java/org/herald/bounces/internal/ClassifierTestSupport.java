package org.herald.bounces.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.herald.bounce.BounceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the tests that run messages through a classifier with the built-in rules: one classifier
 * per test class (an instance per class, so test classes never share one), closed after the class,
 * and the ways the tests feed it a message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClassifierTestSupport {

    Classifier classifier;

    @BeforeAll
    void startClassifier() {
        classifier = Classifier.withDefaults();
    }

    @AfterAll
    void stopClassifier() {
        classifier.close();
    }

    /** The records of a sample in src/test/resources/samples, such as {@code "mta/qmail.eml"}. */
    List<BounceRecord> sample(String name) {
        return classifier.classify(Samples.read(name));
    }

    /** The one record of a sample in src/test/resources/samples; fails unless there is exactly one. */
    BounceRecord singleSample(String name) {
        return single(sample(name), name);
    }

    /** The records of a message written in a test, its {@code \n} line ends sent as CRLF, in UTF-8. */
    List<BounceRecord> text(String message) {
        return classifier.classify(message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The one record of a message written in a test; fails unless there is exactly one. */
    BounceRecord singleText(String message) {
        return single(text(message), "the message");
    }

    private static BounceRecord single(List<BounceRecord> records, String what) {
        assertThat(records).as("records of %s", what).hasSize(1);
        return records.get(0);
    }
}
