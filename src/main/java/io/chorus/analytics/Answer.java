package io.chorus.analytics;

import java.time.Duration;
import java.util.function.Function;

/** An analytics answer and its age: how long ago its figures were read from the aggregates. */
public record Answer<T>(T value, Duration age) {

    <R> Answer<R> map(Function<T, R> mapping) {
        return new Answer<>(mapping.apply(value), age);
    }
}
