package io.gridbot.channel.wechat.menu;

import io.gridbot.channel.wechat.WeChatAccounts;
import java.util.ArrayList;
import java.util.List;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the configured menu to every configured official account (WeChat's {@code menu/create},
 * which replaces the account's menu). Only on demand: staff endpoint or command, never on start.
 */
public class WeChatMenuPublisher {

  private static final Logger log = LoggerFactory.getLogger(WeChatMenuPublisher.class);

  /**
   * The outcome for one account.
   *
   * @param appId the account
   * @param ok whether WeChat took the menu
   * @param error WeChat's error ({@code 40018 invalid button name size ...}) when not, else null
   */
  public record Published(String appId, boolean ok, String error) {}

  private final WeChatAccounts accounts;
  private final WeChatMenu menu;

  WeChatMenuPublisher(WeChatAccounts accounts, WeChatMenu menu) {
    this.accounts = accounts;
    this.menu = menu;
  }

  /** Publishes the menu to each account in turn; one failing does not stop the others. */
  public List<Published> publishAll() {
    WxMenu wxMenu = toWxMenu(menu);
    List<Published> results = new ArrayList<>();
    for (String appId : accounts.appIds()) {
      results.add(publish(appId, wxMenu));
    }
    return results;
  }

  private Published publish(String appId, WxMenu wxMenu) {
    Published result;
    try {
      accounts.service(appId).getMenuService().menuCreate(wxMenu);
      result = new Published(appId, true, null);
    } catch (WxErrorException e) {
      String message = e.getError() == null ? "" : e.getError().getErrorMsg();
      int code = e.getError() == null ? -99 : e.getError().getErrorCode();
      result = new Published(appId, false, clip(code + " " + (message == null ? "" : message)));
    } catch (RuntimeException e) {
      result = new Published(appId, false, clip("call failed: " + e.getClass().getSimpleName()));
    }
    if (result.ok()) {
      log.info("wechat menu published to {}", appId);
    } else {
      log.warn("wechat menu not published to {}: {}", appId, result.error());
    }
    return result;
  }

  static WxMenu toWxMenu(WeChatMenu menu) {
    WxMenu wxMenu = new WxMenu();
    wxMenu.setButtons(menu.buttons().stream().map(WeChatMenuPublisher::toWx).toList());
    return wxMenu;
  }

  private static WxMenuButton toWx(MenuButton b) {
    WxMenuButton wx = new WxMenuButton();
    wx.setType(b.type());
    wx.setName(b.name());
    wx.setKey(b.key());
    wx.setUrl(b.url());
    wx.setAppId(b.appId());
    wx.setPagePath(b.pagePath());
    wx.setMediaId(b.mediaId());
    wx.setArticleId(b.articleId());
    wx.setSubButtons(
        new ArrayList<>(b.subButtons().stream().map(WeChatMenuPublisher::toWx).toList()));
    return wx;
  }

  private static String clip(String s) {
    String text = s.strip();
    return text.length() <= 200 ? text : text.substring(0, 200);
  }
}
