package batch.domain.illustration;

/**
 * Gender as the mortality table distinguishes it.
 */
public enum Gender {

	M, F

}
