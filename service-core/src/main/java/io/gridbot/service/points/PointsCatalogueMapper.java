package io.gridbot.service.points;

import io.gridbot.service.account.AccountNo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface PointsCatalogueMapper {

  record NewRedemption(
      String requestId,
      AccountNo accountNo,
      String itemCode,
      String itemName,
      int quantity,
      int points,
      String couponCode,
      BigDecimal couponAmount,
      RedemptionStatus status,
      Instant at) {}

  /** Display order, then code. */
  List<CatalogueItem> findActiveItems();

  Optional<CatalogueItem> findActiveItem(@Param("code") String code);

  /**
   * Takes {@code quantity} units off a limited stock if that many are left, locking the item row
   * until commit; unlimited items always succeed. Returns the rows changed (0 or 1).
   */
  int takeStock(@Param("code") String code, @Param("quantity") int quantity);

  /** Puts units back on a limited stock; does nothing for unlimited items. */
  int returnStock(@Param("code") String code, @Param("quantity") int quantity);

  /** Fails with a duplicate key if the request id (or the coupon code) exists already. */
  void insertRedemption(NewRedemption redemption);

  Optional<Redemption> findRedemption(@Param("requestId") String requestId);

  /** The redemption, locking its row until commit. */
  Optional<Redemption> lockRedemption(@Param("requestId") String requestId);

  /** Latest first. */
  List<Redemption> findRedemptions(@Param("accountNo") AccountNo accountNo);

  /** Moves the redemption from {@code from} to {@code to}; returns the rows changed (0 or 1). */
  int changeStatus(
      @Param("id") long id,
      @Param("from") RedemptionStatus from,
      @Param("to") RedemptionStatus to,
      @Param("at") Instant at);
}
