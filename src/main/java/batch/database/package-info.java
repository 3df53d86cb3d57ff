/**
 * The database as this application needs it: MySQL and MariaDB connection settings, the LOAD DATA
 * spool directory, job repository times, and the embedded H2 database kept private. Uses shared.
 */
package batch.database;
