package io.sealwatch.model;

/** The stages of a run, in their order; progress and timings are reported by these names. */
public enum Stage {
    INGEST, RECONSTRUCT, EVALUATE, RENDER, SIGN
}
