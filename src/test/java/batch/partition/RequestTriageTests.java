package batch.partition;

import batch.partition.PartitionQueue.Delivery;
import batch.partition.RequestTriage.Decision;
import batch.partition.RequestTriage.PartitionState;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a worker does with each entry it takes from a stream, for every state the job repository
 * can be in: run, take over, leave to a live worker, stop, abandon or discard.
 */
class RequestTriageTests {

	private static final PartitionRequest REQUEST = new PartitionRequest(7, 70, "calculateIllustrationsWorker",
			"calculateIllustrationsWorker:partition0");

	private static final PartitionRequest RESENT = new PartitionRequest(7, 70, "calculateIllustrationsWorker",
			"calculateIllustrationsWorker:partition0", true);

	private final RequestTriage triage = new RequestTriage(5);

	@Test
	void anEntryThatIsNotARequestIsDiscarded() {
		Decision decision = this.triage.decide(new Delivery("illustrationJob", "1-0", null, 1, null),
				new PartitionState(null, null, 0));

		assertThat(decision).isEqualTo(new Decision.Discard("unknown", "it is not a partition request"));
	}

	@Test
	void aRequestOfARunTheRepositoryDoesNotKnowIsDiscarded() {
		Decision decision = this.triage.decide(taken(REQUEST), new PartitionState(null, null, 0));

		assertThat(decision).isEqualTo(new Decision.Discard("stale", "there is no such run"));
	}

	@Test
	void aRequestOfARunNoLongerRunningIsDiscarded() {
		Decision decision = this.triage.decide(taken(REQUEST),
				new PartitionState(BatchStatus.COMPLETED, BatchStatus.COMPLETED, 3));

		assertThat(decision).isEqualTo(new Decision.Discard("stale", "its run is COMPLETED"));
		assertThat(this.triage.decide(taken(REQUEST), new PartitionState(BatchStatus.FAILED, BatchStatus.STARTING, 0)))
			.isEqualTo(new Decision.Discard("stale", "its run is FAILED"));
	}

	@Test
	void aRequestOfAPartitionWithoutAnExecutionIsDiscarded() {
		Decision decision = this.triage.decide(taken(REQUEST), new PartitionState(BatchStatus.STARTED, null, 0));

		assertThat(decision).isEqualTo(new Decision.Discard("ended", "the partition has ended (no such execution)"));
	}

	@Test
	void aRequestOfAPartitionThatHasEndedIsDiscarded() {
		Decision decision = this.triage.decide(claimed(REQUEST, "host:1:1", 2),
				new PartitionState(BatchStatus.STARTED, BatchStatus.COMPLETED, 4));

		assertThat(decision).isEqualTo(new Decision.Discard("ended", "the partition has ended COMPLETED"));
	}

	@Test
	void aPartitionRunningUnderALiveLeaseIsLeftToItsWorker() {
		Decision running = this.triage.decide(taken(REQUEST),
				new PartitionState(BatchStatus.STARTED, BatchStatus.STARTED, 2));
		Decision stopping = this.triage.decide(taken(REQUEST),
				new PartitionState(BatchStatus.STOPPING, BatchStatus.STARTED, 2));

		Decision duplicate = new Decision.Discard("duplicate", "the partition is running already, under a live lease");
		assertThat(running).isEqualTo(duplicate);
		assertThat(stopping).as("its worker stops it after its chunk in flight").isEqualTo(duplicate);
	}

	@Test
	void aPartitionNobodyStartedOfAStoppingRunIsStopped() {
		Decision decision = this.triage.decide(taken(REQUEST),
				new PartitionState(BatchStatus.STOPPED, BatchStatus.STARTING, 0));

		assertThat(decision).isEqualTo(new Decision.Stop("the run was stopped before a worker started it"));
		assertThat(((Decision.Stop) decision).discard())
			.isEqualTo(new Decision.Discard("stopped", "its run is stopping"));
		assertThat(this.triage.decide(taken(REQUEST), new PartitionState(BatchStatus.STOPPING, BatchStatus.STARTING, 0)))
			.isEqualTo(decision);
	}

	@Test
	void aPartitionWhoseWorkerDiedAsItsRunWasStoppingIsStopped() {
		Decision decision = this.triage.decide(claimed(REQUEST, "host:1:1", 2),
				new PartitionState(BatchStatus.STOPPING, BatchStatus.STARTED, 2));

		assertThat(decision).isEqualTo(new Decision.Stop("its worker died as the run was stopping"));
	}

	@Test
	void aPartitionEveryTakerDiedOnBeforeCommittingIsAbandoned() {
		Decision decision = this.triage.decide(claimed(REQUEST, "host:1:1", 6),
				new PartitionState(BatchStatus.STARTED, BatchStatus.STARTED, 0));

		assertThat(decision).isEqualTo(new Decision.Abandon(5));
		Decision.Abandon abandon = (Decision.Abandon) decision;
		assertThat(abandon.description()).isEqualTo(
				"abandoned: 5 workers took it and died before committing a chunk (does it kill its workers?)");
		assertThat(abandon.discard()).isEqualTo(new Decision.Discard("abandoned", "it has been taken 5 times"));
		assertThat(this.triage.decide(claimed(REQUEST, "host:1:1", 6),
				new PartitionState(BatchStatus.STARTED, BatchStatus.STARTING, 0)))
			.as("whether or not the last one started it")
			.isEqualTo(decision);
	}

	@Test
	void aPartitionIsNotAbandonedWithinTheDeliveriesAllowedNorOnceAChunkCommitted() {
		PartitionState started = new PartitionState(BatchStatus.STARTED, BatchStatus.STARTED, 0);

		assertThat(this.triage.decide(claimed(REQUEST, "host:1:1", 5), started))
			.isEqualTo(new Decision.TakeOver("host:1:1"));
		assertThat(this.triage.decide(claimed(REQUEST, "host:1:1", 9),
				new PartitionState(BatchStatus.STARTED, BatchStatus.STARTED, 1)))
			.isEqualTo(new Decision.TakeOver("host:1:1"));
	}

	@Test
	void aPartitionStartedByAWorkerWhoseLeaseLapsedIsTakenOver() {
		Decision decision = this.triage.decide(claimed(REQUEST, "host:1:1", 2),
				new PartitionState(BatchStatus.STARTED, BatchStatus.STARTED, 2));

		assertThat(decision).isEqualTo(new Decision.TakeOver("host:1:1"));
	}

	@Test
	void aPartitionTheManagerSendsAgainIsTakenOver() {
		// its request was lost with Redis's data, and its worker silent in the job repository
		Decision decision = this.triage.decide(taken(RESENT),
				new PartitionState(BatchStatus.STARTED, BatchStatus.STARTED, 2));

		assertThat(decision).isEqualTo(new Decision.TakeOver("its worker"));
	}

	@Test
	void aPartitionTakenByAWorkerThatDiedBeforeStartingItIsRunAsItIs() {
		Decision decision = this.triage.decide(claimed(REQUEST, "ghost", 2),
				new PartitionState(BatchStatus.STARTED, BatchStatus.STARTING, 0));

		assertThat(decision).isEqualTo(new Decision.RunUnstarted("ghost"));
	}

	@Test
	void aPartitionNobodyHasTakenIsRun() {
		Decision decision = this.triage.decide(taken(REQUEST),
				new PartitionState(BatchStatus.STARTED, BatchStatus.STARTING, 0));

		assertThat(decision).isEqualTo(new Decision.Run());
	}

	private static Delivery taken(PartitionRequest request) {
		return new Delivery("illustrationJob", "1-0", request, 1, null);
	}

	private static Delivery claimed(PartitionRequest request, String previousOwner, long deliveries) {
		return new Delivery("illustrationJob", "1-0", request, deliveries, previousOwner);
	}

}
