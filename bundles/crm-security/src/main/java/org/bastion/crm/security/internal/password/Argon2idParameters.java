package org.bastion.crm.security.internal.password;

/** The cost of an argon2id hash: memory in KiB, iterations (passes over the memory) and parallelism (lanes). */
public record Argon2idParameters(int memoryKiB, int iterations, int parallelism) {

    /** OWASP's minimum recommendation for argon2id: 19 MiB, 2 iterations, 1 lane. */
    public static final Argon2idParameters OWASP_MINIMUM = new Argon2idParameters(19_456, 2, 1);

    /** Upper bounds accepted when reading a stored hash, so that a forged or corrupt one cannot demand absurd work. */
    static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    static final int MAX_ITERATIONS = 1_000;
    static final int MAX_PARALLELISM = 64;

    public Argon2idParameters {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("argon2id parallelism must be between 1 and " + MAX_PARALLELISM);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("argon2id memory must be between 8 KiB per lane and " + MAX_MEMORY_KIB + " KiB");
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("argon2id iterations must be between 1 and " + MAX_ITERATIONS);
        }
    }

    /** Whether any of these parameters is weaker than the corresponding one in {@code current}. */
    public boolean isBelow(Argon2idParameters current) {
        return memoryKiB < current.memoryKiB || iterations < current.iterations || parallelism < current.parallelism;
    }
}
