package io.gridbot.service.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CatalogueItemTest {

  @Test
  void a_coupon_has_an_amount_in_yuan_with_two_decimals() {
    CatalogueItem item =
        new CatalogueItem("C5", "5元电费抵扣券", ItemKind.COUPON, new BigDecimal("5"), 100, null, true);

    assertThat(item.couponAmount()).isEqualTo(new BigDecimal("5.00"));
    assertThat(item.unlimited()).isTrue();
  }

  @Test
  void a_coupon_without_a_positive_amount_is_refused() {
    assertThatThrownBy(() -> new CatalogueItem("C", "券", ItemKind.COUPON, null, 100, null, true))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> new CatalogueItem("C", "券", ItemKind.COUPON, BigDecimal.ZERO, 100, null, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new CatalogueItem(
                    "C", "券", ItemKind.COUPON, new BigDecimal("5.001"), 100, null, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_gift_has_no_amount_and_cost_and_stock_are_checked() {
    assertThatThrownBy(
            () -> new CatalogueItem("G", "灯泡", ItemKind.GIFT, BigDecimal.ONE, 100, 5, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CatalogueItem("G", "灯泡", ItemKind.GIFT, null, 0, 5, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CatalogueItem("G", "灯泡", ItemKind.GIFT, null, 10, -1, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new CatalogueItem("G", "灯泡", ItemKind.GIFT, null, 10, 0, true).unlimited())
        .isFalse();
  }
}
