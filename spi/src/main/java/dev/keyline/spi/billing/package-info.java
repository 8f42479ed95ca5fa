/**
 * The storage ports of billing and credit (计费帐务与信用): billing accounts (bill preferences and
 * credit profiles) and billing's append-only arrears facts. The common rules of
 * {@link dev.keyline.spi.account} hold for every port here too. A provider that stores this area
 * proves it with the compatibility kit's billing-area contracts.
 */
package dev.keyline.spi.billing;
