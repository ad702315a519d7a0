package dev.cairn.client.internal;

import dev.cairn.core.record.RecordFrames;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A {@link RunApi} for sender tests: answers like the server (skips duplicates, refuses gaps with 409
 * seq_gap, acknowledges with last_seq) unless a scripted answer or failure is queued for the next call.
 */
final class ScriptedApi implements RunApi {
    final Deque<Object> script = new ArrayDeque<>();
    final List<List<Long>> batches = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    long lastSeq;

    /** Queues a failure to reach the server for the next call. */
    ScriptedApi unreachable() {
        script.add(new java.net.ConnectException("Connection refused"));
        return this;
    }

    /** Queues an answer for the next call. */
    ScriptedApi answer(int status, String json) {
        script.add(new Reply(status, json.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    @Override
    public Reply createRun(byte[] jsonBody) throws IOException {
        calls.add("create");
        Reply scripted = next();
        return scripted != null ? scripted : json(201, "{\"last_seq\":" + lastSeq + "}");
    }

    @Override
    public Reply sendRecords(List<Frame> batch) throws IOException {
        calls.add("records");
        List<Long> seqs = seqsOf(BatchBody.of(batch, true));
        batches.add(seqs);
        Reply scripted = next();
        if (scripted != null) {
            return scripted;
        }
        List<Long> fresh = seqs.stream().filter(seq -> seq > lastSeq).toList();
        for (int i = 0; i < fresh.size(); i++) {
            if (fresh.get(i) != lastSeq + 1 + i) {
                return json(409, "{\"error\":{\"code\":\"seq_gap\",\"message\":\"records must continue the run: "
                        + "expected seq " + (lastSeq + 1) + " but got " + fresh.get(0) + "\"}}");
            }
        }
        lastSeq += fresh.size();
        return json(200, "{\"last_seq\":" + lastSeq + ",\"applied\":" + fresh.size() + ",\"duplicates\":"
                + (seqs.size() - fresh.size()) + "}");
    }

    @Override
    public Reply heartbeat() throws IOException {
        calls.add("heartbeat");
        Reply scripted = next();
        return scripted != null ? scripted : json(200, "{\"state\":\"running\",\"stop\":false}");
    }

    @Override
    public String baseUrl() {
        return "http://scripted";
    }

    private Reply next() throws IOException {
        Object next = script.poll();
        if (next instanceof IOException failure) {
            throw failure;
        }
        return (Reply) next;
    }

    private static Reply json(int status, String body) {
        return new Reply(status, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The seqs in a records body, which must be whole frames from start to end. */
    private static List<Long> seqsOf(byte[] gzippedBody) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzippedBody))) {
            RecordFrames.Decoded frames = RecordFrames.decode(in.readAllBytes(), 0);
            if (!frames.isClean()) {
                throw new IllegalStateException("the body ends in a torn or corrupt frame");
            }
            List<Long> seqs = new ArrayList<>();
            for (byte[] payload : frames.payloads()) {
                seqs.add(RecordLogReader.seqOf(payload));
            }
            return seqs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
