package io.gridbot.app.staff;

import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff send a campaign to the accounts with a customer tag. See {@link Campaign} for who receives
 * it; preview the accounts with {@code GET /api/staff/tags/{tag}/accounts}.
 */
@RestController
@RequestMapping("/api/staff/campaigns")
class CampaignStaffController {

  private final Campaigns campaigns;

  CampaignStaffController(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  /**
   * A campaign as staff write it.
   *
   * @param tag a {@link io.gridbot.service.tag.CustomerTag} name, e.g. {@code PEAK_HEAVY}
   * @param kind the subscription kind that recipients opted in to, e.g. {@code monthly_bill}
   * @param key the campaign's id, e.g. {@code campaign-2026-12-peak}
   */
  record CampaignRequest(String tag, String kind, String title, String text, String key) {}

  /**
   * @param key the campaign's id
   * @param notice the key its notices carry
   * @param accounts how many accounts were targeted; users are told later, once each
   */
  record CampaignAccepted(String key, String notice, int accounts) {}

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  CampaignAccepted run(@RequestBody CampaignRequest request, Principal staff) {
    Campaign campaign =
        Campaign.of(request.tag(), request.kind(), request.title(), request.text(), request.key());
    int accounts = campaigns.run(campaign, staff.getName());
    return new CampaignAccepted(campaign.key(), campaign.noticeKey(), accounts);
  }
}
