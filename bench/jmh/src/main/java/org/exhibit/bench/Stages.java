package org.exhibit.bench;

import org.exhibit.analysis.Pipeline;
import org.exhibit.analysis.Stage;

import java.util.ArrayList;
import java.util.List;

/** Prints the names of the stages of this build's standard pipeline, comma-separated, for JMH's -p stage=. */
public final class Stages {
    public static void main(String[] args) {
        List<String> names = new ArrayList<>();
        for (Stage s : Pipeline.standard().stages()) names.add(s.name());
        System.out.println(String.join(",", names));
    }
}
