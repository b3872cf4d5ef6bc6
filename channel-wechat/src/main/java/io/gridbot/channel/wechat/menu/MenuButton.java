package io.gridbot.channel.wechat.menu;

import java.util.List;

/**
 * One button of the custom menu, in WeChat's terms: either a parent of sub-buttons (no type) or a
 * button of a type ({@code click}, {@code view}, {@code miniprogram}, {@code scancode_push} ...)
 * with what that type needs.
 *
 * @param type WeChat's button type; null for a parent of sub-buttons
 * @param name the label
 * @param key the event key of click-like types
 * @param url the page of {@code view} (and the fallback page of {@code miniprogram})
 * @param appId the mini program of {@code miniprogram}
 * @param pagePath the mini program page of {@code miniprogram}
 * @param mediaId the material of {@code media_id} / {@code view_limited}
 * @param articleId the article of {@code article_id} / {@code article_view_limited}
 * @param text what a click stands for in a conversation (ours, not WeChat's); the name when null
 * @param subButtons the sub-buttons of a parent, empty otherwise
 */
public record MenuButton(
    String type,
    String name,
    String key,
    String url,
    String appId,
    String pagePath,
    String mediaId,
    String articleId,
    String text,
    List<MenuButton> subButtons) {

  public MenuButton {
    subButtons = subButtons == null ? List.of() : List.copyOf(subButtons);
  }
}
