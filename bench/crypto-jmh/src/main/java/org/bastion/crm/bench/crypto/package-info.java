/**
 * JMH benchmarks of the primitives behind encryption at rest: AES-256-GCM field encryption on the JDK provider
 * (SunJCE, AES-NI intrinsics) and on Bouncy Castle (lightweight API and JCE provider), RFC 5649 key wrap and the
 * HMAC-SHA256 of blind indexes. Run them with {@code bench/crypto-jmh.sh}; see bench/README.md.
 */
package org.bastion.crm.bench.crypto;
