package batch;

import batch.cli.BatchCli;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Partitioned batch calculations: benefit illustrations and ACTUS cash flows. Started from the
 * command line, which starts Spring only for the commands that need it.
 */
@SpringBootApplication
public class BatchApplication {

	public static void main(String[] args) {
		System.exit(new BatchCli(BatchApplication.class).run(args));
	}

}
