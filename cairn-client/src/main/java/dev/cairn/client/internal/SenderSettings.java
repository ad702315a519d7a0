package dev.cairn.client.internal;

/**
 * How the sender batches and paces requests.
 *
 * @param maxBatchRecords      most records in one request (the server takes up to 10,000)
 * @param maxBatchBytes        most payload bytes in one request, before compression
 * @param lingerMs             how long new records wait for company before they are sent
 * @param heartbeatIntervalMs  a heartbeat goes out when nothing else reached the server for this long
 * @param retryInitialMs       wait after the first failure; doubles with each failure in a row
 * @param retryMaxMs           the longest wait between two attempts
 */
public record SenderSettings(int maxBatchRecords, long maxBatchBytes, long lingerMs, long heartbeatIntervalMs,
                             long retryInitialMs, long retryMaxMs) {

    public static SenderSettings defaults() {
        return new SenderSettings(10_000, 8L * 1024 * 1024, 100, 30_000, 100, 10_000);
    }
}
