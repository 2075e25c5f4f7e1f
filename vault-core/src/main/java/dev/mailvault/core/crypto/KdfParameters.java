package dev.mailvault.core.crypto;

import dev.mailvault.core.BadInputException;

/**
 * Argon2id cost parameters. An instance outside the floor and the ceiling cannot exist, so a
 * crafted vault file asking for 64 GiB (or for 1 KiB) is refused before the KDF runs.
 */
public record KdfParameters(int memoryKib, int iterations, int parallelism) {
    public static final int FLOOR_MEMORY_KIB = 64 * 1024;
    public static final int FLOOR_ITERATIONS = 3;
    public static final int FLOOR_PARALLELISM = 4;
    public static final int CEILING_MEMORY_KIB = 4 * 1024 * 1024;
    public static final int CEILING_ITERATIONS = 100;
    public static final int CEILING_PARALLELISM = 64;

    public static final KdfParameters FLOOR = new KdfParameters(FLOOR_MEMORY_KIB, FLOOR_ITERATIONS, FLOOR_PARALLELISM);

    public KdfParameters {
        if (memoryKib < FLOOR_MEMORY_KIB || memoryKib > CEILING_MEMORY_KIB) {
            throw new BadInputException(
                    "Argon2 memory must be between 64 MiB and 4096 MiB, was " + (memoryKib / 1024) + " MiB");
        }
        if (iterations < FLOOR_ITERATIONS || iterations > CEILING_ITERATIONS) {
            throw new BadInputException("Argon2 iterations must be between 3 and 100, was " + iterations);
        }
        if (parallelism < FLOOR_PARALLELISM || parallelism > CEILING_PARALLELISM) {
            throw new BadInputException("Argon2 parallelism must be between 4 and 64, was " + parallelism);
        }
    }

    public static KdfParameters ofMebibytes(int memoryMib, int iterations, int parallelism) {
        if (memoryMib > CEILING_MEMORY_KIB / 1024 || memoryMib < 0) {
            throw new BadInputException("Argon2 memory must be between 64 MiB and 4096 MiB, was " + memoryMib + " MiB");
        }
        return new KdfParameters(memoryMib * 1024, iterations, parallelism);
    }

    public int memoryMib() {
        return memoryKib / 1024;
    }

    @Override
    public String toString() {
        return "m=" + memoryMib() + " MiB, t=" + iterations + ", p=" + parallelism;
    }
}
