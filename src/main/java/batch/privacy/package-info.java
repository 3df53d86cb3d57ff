/**
 * Personal data protection: keyed hashes of names and mobile numbers, AES-GCM encryption of dates
 * of birth, and the refusal of development keys where real data may be. Uses nothing of the
 * application.
 */
package batch.privacy;
