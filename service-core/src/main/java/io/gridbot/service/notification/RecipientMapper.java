package io.gridbot.service.notification;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * Who gets a notice: channel users with an active binding of an active account who are subscribed
 * to the kind. An account-level subscription row wins over a user-level one; without either, the
 * kind's default ({@code onByDefault}) decides.
 */
@Mapper
interface RecipientMapper {

  List<ChannelUser> findForAccount(
      @Param("accountNo") AccountNo accountNo,
      @Param("kind") String kind,
      @Param("onByDefault") boolean onByDefault);

  /**
   * One page of the recipients in an area, in binding id order after {@code afterBindingId}; a user
   * bound to several accounts of the area appears once per binding.
   */
  List<AreaRecipient> findForArea(
      @Param("areaPrefix") String areaPrefix,
      @Param("kind") String kind,
      @Param("onByDefault") boolean onByDefault,
      @Param("afterBindingId") long afterBindingId,
      @Param("limit") int limit);

  /** A recipient and the binding that made them one (the paging cursor). */
  record AreaRecipient(long bindingId, ChannelUser user) {}
}
