package batch.web.console;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the console writes times, durations and counts. Times are shown in the server's zone, with
 * its offset and full seconds, so that an operator elsewhere reads them right.
 */
public final class ConsoleFormat {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

	private final ZoneId zone;

	ConsoleFormat(ZoneId zone) {
		this.zone = zone;
	}

	/** A time with its offset, or a dash. */
	public String time(OffsetDateTime time) {
		return (time == null) ? "–" : time.atZoneSameInstant(this.zone).format(TIME);
	}

	/** 2 h 05 min, 3 min 07 s, 12 s, 0.4 s. */
	public String duration(double seconds) {
		if (seconds < 10) {
			return String.format(Locale.ROOT, "%.1f s", seconds);
		}
		return duration(Duration.ofSeconds(Math.round(seconds)));
	}

	/** The same, of a duration; a dash when not known. */
	public String duration(Duration duration) {
		if (duration == null) {
			return "–";
		}
		long seconds = duration.toSeconds();
		if (seconds >= 3600) {
			return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
		}
		if (seconds >= 60) {
			return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
		}
		return seconds + " s";
	}

	/** A count with thousands separators. */
	public String count(long count) {
		return String.format(Locale.ROOT, "%,d", count);
	}

	/** A rate, whole above ten. */
	public String rate(double perSecond) {
		return (perSecond >= 10) ? String.format(Locale.ROOT, "%,.0f/s", perSecond)
				: String.format(Locale.ROOT, "%.1f/s", perSecond);
	}

	/** A percentage of a fraction; a dash when not known. */
	public String percent(Double fraction) {
		return (fraction == null) ? "–" : String.format(Locale.ROOT, "%.0f%%", fraction * 100);
	}

	/** A file's name without its directories: the input directory is the same for every run. */
	public String fileName(String path) {
		try {
			Path name = Path.of(path).getFileName();
			return (name == null) ? path : name.toString();
		}
		catch (RuntimeException ex) {
			return path;
		}
	}

}
