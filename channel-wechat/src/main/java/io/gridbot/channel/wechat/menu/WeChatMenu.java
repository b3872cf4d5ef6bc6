package io.gridbot.channel.wechat.menu;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official accounts' custom menu, read from WeChat's own JSON ({@code {"button":[...]}} with
 * {@code sub_button}s) and checked against WeChat's rules, so an instance is always publishable:
 * one to three top buttons of at most 4 Chinese characters (8 Latin), one to five sub-buttons of at
 * most 8 Chinese characters (16 Latin) each, a known type on every button without sub-buttons, and
 * what the type needs: a key (at most 128 bytes, unique in the menu) for click, scan, photo and
 * location buttons, an http(s) url (at most 1024 bytes) for view, url + appid + pagepath for
 * miniprogram, media_id or article_id for material buttons.
 *
 * <p>A click button may carry {@code "text"} (ours, WeChat never sees it): what the click stands
 * for when the webhook hands it to the dialog engine. Without it the button's name stands.
 */
public final class WeChatMenu {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> KEYED =
      Set.of(
          "click",
          "scancode_push",
          "scancode_waitmsg",
          "pic_sysphoto",
          "pic_photo_or_album",
          "pic_weixin",
          "location_select");
  private static final Set<String> MEDIA = Set.of("media_id", "view_limited");
  private static final Set<String> ARTICLE = Set.of("article_id", "article_view_limited");
  private static final int TOP_WIDTH = 8;
  private static final int SUB_WIDTH = 16;

  private final List<MenuButton> buttons;
  private final Map<String, String> texts;

  private WeChatMenu(List<MenuButton> buttons, Map<String, String> overrides) {
    this.buttons = List.copyOf(buttons);
    Map<String, String> texts = new LinkedHashMap<>();
    for (MenuButton top : buttons) {
      for (MenuButton b : top.subButtons().isEmpty() ? List.of(top) : top.subButtons()) {
        if (b.key() != null) {
          texts.put(b.key(), b.text() != null ? b.text() : b.name());
        }
      }
    }
    texts.putAll(overrides);
    this.texts = Collections.unmodifiableMap(texts);
  }

  /**
   * Reads and checks a menu.
   *
   * @param json WeChat's menu JSON
   * @param source where it came from, for the error message
   * @param overrides key → text pairs that win over the buttons' own (e.g. {@code
   *     gridbot.wechat.menu-keys}); may be empty, not null
   * @throws InvalidMenu naming every rule the menu breaks
   */
  public static WeChatMenu parse(String json, String source, Map<String, String> overrides) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new InvalidMenu(source, List.of("not JSON: " + e.getOriginalMessage()));
    }
    List<String> problems = new ArrayList<>();
    List<MenuButton> buttons = new ArrayList<>();
    JsonNode top = root == null ? null : root.get("button");
    if (top == null || !top.isArray() || top.isEmpty() || top.size() > 3) {
      problems.add("\"button\" must list 1 to 3 top buttons");
    } else {
      Set<String> keys = new HashSet<>();
      for (int i = 0; i < top.size(); i++) {
        buttons.add(button(top.get(i), "button[" + i + "]", true, keys, problems));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidMenu(source, problems);
    }
    return new WeChatMenu(buttons, overrides);
  }

  /** The top buttons, in order. */
  public List<MenuButton> buttons() {
    return buttons;
  }

  /**
   * What a CLICK key stands for in a conversation, e.g. {@code PAY_BILL} → {@code 交电费}.
   *
   * @return the text, or empty for a key the menu does not have
   */
  public Optional<String> textFor(String key) {
    return key == null ? Optional.empty() : Optional.ofNullable(texts.get(key));
  }

  /** Every key with its text. */
  public Map<String, String> texts() {
    return texts;
  }

  private static MenuButton button(
      JsonNode node, String at, boolean top, Set<String> keys, List<String> problems) {
    if (node == null || !node.isObject()) {
      problems.add(at + ": must be an object");
      return null;
    }
    String name = text(node, "name");
    String type = text(node, "type");
    JsonNode subs = node.get("sub_button");
    boolean parent = top && subs != null && subs.isArray() && !subs.isEmpty();
    if (name == null || name.isBlank()) {
      problems.add(at + ": name is required");
    } else if (width(name) > (top ? TOP_WIDTH : SUB_WIDTH)) {
      problems.add(
          at
              + ": name '"
              + name
              + "' is too long (at most "
              + (top ? "4 Chinese or 8 Latin" : "8 Chinese or 16 Latin")
              + " characters)");
    }
    List<MenuButton> children = new ArrayList<>();
    if (!top && subs != null && !subs.isEmpty()) {
      problems.add(at + ": a sub-button cannot have sub-buttons");
    }
    if (parent) {
      if (type != null) {
        problems.add(at + ": a button with sub-buttons has no type");
      }
      if (subs.size() > 5) {
        problems.add(at + ": at most 5 sub-buttons");
      }
      for (int i = 0; i < subs.size(); i++) {
        children.add(button(subs.get(i), at + ".sub_button[" + i + "]", false, keys, problems));
      }
      return new MenuButton(null, name, null, null, null, null, null, null, null, children);
    }
    MenuButton button =
        new MenuButton(
            type,
            name,
            text(node, "key"),
            text(node, "url"),
            text(node, "appid"),
            text(node, "pagepath"),
            text(node, "media_id"),
            text(node, "article_id"),
            text(node, "text"),
            List.of());
    checkType(button, at, keys, problems);
    return button;
  }

  private static void checkType(MenuButton b, String at, Set<String> keys, List<String> problems) {
    String type = b.type();
    if (type == null || type.isBlank()) {
      problems.add(at + ": type is required (or sub_button)");
    } else if (KEYED.contains(type)) {
      if (blank(b.key())) {
        problems.add(at + ": key is required for " + type);
      } else if (bytes(b.key()) > 128) {
        problems.add(at + ": key is longer than 128 bytes");
      } else if (!keys.add(b.key())) {
        problems.add(at + ": key " + b.key() + " is used twice");
      }
    } else if (type.equals("view")) {
      checkUrl(b.url(), at, problems);
    } else if (type.equals("miniprogram")) {
      checkUrl(b.url(), at, problems);
      if (blank(b.appId()) || blank(b.pagePath())) {
        problems.add(at + ": appid and pagepath are required for miniprogram");
      }
    } else if (MEDIA.contains(type)) {
      if (blank(b.mediaId())) {
        problems.add(at + ": media_id is required for " + type);
      }
    } else if (ARTICLE.contains(type)) {
      if (blank(b.articleId())) {
        problems.add(at + ": article_id is required for " + type);
      }
    } else {
      problems.add(at + ": unknown type " + type);
    }
  }

  private static void checkUrl(String url, String at, List<String> problems) {
    if (blank(url)) {
      problems.add(at + ": url is required");
    } else if (!(url.startsWith("https://") || url.startsWith("http://"))) {
      problems.add(at + ": url must be http(s)");
    } else if (bytes(url) > 1024) {
      problems.add(at + ": url is longer than 1024 bytes");
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString().strip();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Display width as WeChat counts it: a Chinese (any non-ASCII) character is two. */
  static int width(String s) {
    return s.codePoints().map(c -> c < 128 ? 1 : 2).sum();
  }
}
