/**
 * The SDK's machinery: record queue, record log, sender, HTTP transport, system sampler, environment capture.
 *
 * <p><b>Unsupported.</b> Nothing in this package is part of Cairn's public API: classes here may change or
 * disappear in any release. Use {@link dev.cairn.client.Cairn} and {@link dev.cairn.client.Run} instead.
 */
package dev.cairn.client.internal;
