package dev.tcli.oncall;

/**
 * A user of the provider: PagerDuty id or Splunk On-Call username.
 */
public record Person(String id, String name, String email) {
}
