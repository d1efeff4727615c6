import { generateKeyPairSync } from "node:crypto";

export type KeyPair = { publicKeyPem: string; privateKeyPem: string };

let generated: KeyPair | undefined;

/**
 * An RSA key pair for seeded Apps that bring no public key. Making one takes a noticeable
 * moment, so every emulator in this process shares the first (tests start one per test).
 */
export function sandboxKeyPair(): KeyPair {
  generated ??= (() => {
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    return {
      publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
      privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    };
  })();
  return generated;
}
