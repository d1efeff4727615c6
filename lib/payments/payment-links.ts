import type { PaymentProvider } from "../db/status-values";

/**
 * Where each provider's payment link carries our order id, and an example link. Browser-safe
 * (the product editor shows them); the adapters read the id back from the matching field.
 */
export const PAYMENT_LINKS: Record<
  PaymentProvider,
  { name: string; placeholder: string; example: string; productRef: string }
> = {
  stripe: {
    name: "Stripe",
    // Stripe drops a client_reference_id outside [A-Za-z0-9_-]{1,200}; our ids are base64url.
    placeholder: "client_reference_id={orderId}",
    example: "https://buy.stripe.com/test_abc123?client_reference_id={orderId}",
    productRef: "Payment link id (plink_…)",
  },
  lemonsqueezy: {
    name: "Lemon Squeezy",
    placeholder: "checkout[custom][order_id]={orderId}",
    example:
      "https://acme.lemonsqueezy.com/checkout/buy/VARIANT-UUID?checkout[custom][order_id]={orderId}",
    productRef: "Variant id (a number)",
  },
  polar: {
    name: "Polar",
    placeholder: "reference_id={orderId}",
    example: "https://buy.polar.sh/polar_cl_abc123?reference_id={orderId}",
    productRef: "Product id (a UUID)",
  },
};

/** Whether `link` carries the order id where `provider` reads it back (raw or percent-encoded). */
export function linkCarriesOrderId(provider: PaymentProvider, link: string): boolean {
  const { placeholder } = PAYMENT_LINKS[provider];
  const [field] = placeholder.split("=");
  const encoded = `${encodeURIComponent(field!)}={orderId}`;
  const query = link.split("?")[1] ?? "";
  return query
    .split("&")
    .some((pair) => pair === placeholder || pair.toLowerCase() === encoded.toLowerCase());
}
