import "server-only";
import { getConfig } from "../config";
import type { TestPayments } from "./start-checkout";

/** Sandbox mode pays everything in test mode; TEST_PAYMENTS=1 only products without a link. */
export function testPaymentsSetting(): TestPayments {
  const config = getConfig();
  if (config.sandbox) return "always";
  return config.testPayments ? "without_payment_link" : "off";
}
