// The price preview a buyer sees before holding. It mirrors the server's Pricing rules (integer pesos, early
// bird replaces the list price before its deadline, group discount rounds half up, then a code's percentage (half up)
// or fixed amount off each seat, never below 0); the hold's answer is final.

export function earlyBirdActive(tier, now = Date.now()) {
  return tier.earlyBirdPrice != null && tier.earlyBirdDeadline != null && now < Date.parse(tier.earlyBirdDeadline);
}

const percentOff = (unit, percent) => Math.floor((unit * (100 - percent) + 50) / 100);

/** `code`: {percentOff, amountOff} of a code that covers the tier, or null. */
export function unitPrice(tier, quantity, now = Date.now(), code = null) {
  let unit = earlyBirdActive(tier, now) ? tier.earlyBirdPrice : tier.price;
  if (tier.groupDiscountThreshold != null && tier.groupDiscountPercentage > 0 && quantity >= tier.groupDiscountThreshold) {
    unit = percentOff(unit, tier.groupDiscountPercentage);
  }
  if (code?.percentOff > 0) unit = percentOff(unit, code.percentOff);
  else if (code?.amountOff > 0) unit = Math.max(0, unit - code.amountOff);
  return unit;
}

export function quote(tier, quantity, now = Date.now(), code = null) {
  const unit = unitPrice(tier, quantity, now, code);
  return { unit, total: unit * quantity, earlyBird: earlyBirdActive(tier, now),
    group: tier.groupDiscountThreshold != null && quantity >= tier.groupDiscountThreshold,
    code: Boolean(code?.percentOff > 0 || code?.amountOff > 0) };
}

/** Whether the tier's own sales window is open now (the event must also be on sale). */
export function inSalesWindow(tier, now = Date.now()) {
  return (tier.salesStart == null || now >= Date.parse(tier.salesStart))
    && (tier.salesEnd == null || now < Date.parse(tier.salesEnd));
}
