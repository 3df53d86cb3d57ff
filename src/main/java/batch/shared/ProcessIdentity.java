package batch.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This process as operators find it: its host (the pod name under Kubernetes) and process id.
 */
public record ProcessIdentity(String host, long pid) {

	private static final ProcessIdentity CURRENT = new ProcessIdentity(localHost(), ProcessHandle.current().pid());

	public static ProcessIdentity current() {
		return CURRENT;
	}

	@Override
	public String toString() {
		return "process " + this.pid + " on " + this.host;
	}

	private static String localHost() {
		String name = System.getenv("HOSTNAME");
		if (name != null && !name.isBlank()) {
			return name;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown";
		}
	}

}
