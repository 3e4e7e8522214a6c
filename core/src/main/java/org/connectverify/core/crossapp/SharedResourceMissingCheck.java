package org.connectverify.core.crossapp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.connectverify.core.Finding;
import org.connectverify.core.Rule;
import org.connectverify.core.SetCheck;
import org.connectverify.core.SetContext;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Pointers;
import org.connectverify.core.resources.Resolution;

/**
 * A file path two apps both refer to (a shared translations folder, shared icons) that one app's web roots serve and
 * another's do not: a change made for one app broke the other. This is the Outlook Calendars for Confluence outage:
 * translation paths changed for the vendor's Jira apps, and the Confluence app could no longer be enabled.
 */
public final class SharedResourceMissingCheck implements SetCheck {
  public static final Rule SHARED_RESOURCE_MISSING =
      Rule.of(
          "crossapp/shared-resource-missing",
          Severity.ERROR,
          "A file that apps verified together share is present for one app and missing for another.");

  @Override
  public List<Rule> rules() {
    return List.of(SHARED_RESOURCE_MISSING);
  }

  /** A reference to a local file, and the path it would be served at. */
  private record Served(Apps.Reference reference, String path) {}

  /** A member's references to local files: worked out from the member alone, on the verifying threads. */
  private static final SetContext.Key<List<Served>> SERVED = new SetContext.Key<>("shared-resource-missing: served");

  /** Where one app's reference led. */
  private record Resolved(SetContext.Member member, String pointer, String url, Resolution resolution) {}

  @Override
  public void prepare(SetContext.Member member) {
    served(member);
  }

  private static List<Served> served(SetContext.Member member) {
    return member.memo(
        SERVED,
        m -> {
          List<Served> out = new ArrayList<>();
          for (Apps.Reference r : Apps.references(m.descriptor().root())) {
            String path = m.resources().servedPath(r.url());
            if (path != null) {
              out.add(new Served(r, path));
            }
          }
          return out;
        });
  }

  @Override
  public void check(SetContext ctx) {
    // Only a path that two apps refer to can be present for one and missing for the other: find those paths without
    // the file system, then resolve (which asks it) only the references to them.
    Map<String, SetContext.Member> firstReferrer = new HashMap<>();
    Set<String> shared = new HashSet<>();
    for (SetContext.Member m : ctx.members()) {
      for (Served s : served(m)) {
        SetContext.Member first = firstReferrer.putIfAbsent(s.path(), m);
        if (first != null && first != m) {
          shared.add(s.path());
        }
      }
    }
    Map<String, List<Resolved>> found = new LinkedHashMap<>();
    List<Resolved> missing = new ArrayList<>();
    for (SetContext.Member m : ctx.members()) {
      for (Served s : served(m)) {
        if (!shared.contains(s.path())) {
          continue;
        }
        Resolution res = m.resources().resolve(s.reference().url());
        Resolved resolved = new Resolved(m, s.reference().pointer(), s.reference().url(), res);
        if (res instanceof Resolution.Found) {
          found.computeIfAbsent(res.servedPath(), k -> new ArrayList<>()).add(resolved);
        } else if (res instanceof Resolution.Missing) {
          missing.add(resolved);
        }
      }
    }
    for (Resolved broken : missing) {
      Resolved other = null;
      for (Resolved candidate : found.getOrDefault(broken.resolution().servedPath(), List.of())) {
        if (candidate.member() != broken.member() && !Apps.same(candidate.member(), broken.member())) {
          other = candidate;
          break;
        }
      }
      if (other == null) {
        continue;
      }
      Resolution.Found there = (Resolution.Found) other.resolution();
      Resolution.Missing here = (Resolution.Missing) broken.resolution();
      ctx.report(
          SHARED_RESOURCE_MISSING,
          broken.member().at(broken.pointer()),
          "app "
              + broken.member().name()
              + " is broken by a path it shares with "
              + Apps.describe(other.member())
              + ": "
              + here.servedPath()
              + " ("
              + Pointers.readable(broken.pointer())
              + ") is served for that app from "
              + there.display()
              + " but is in none of this app's web roots (searched "
              + String.join(", ", here.searched())
              + ")",
          "a change made for one app moved or renamed a file the other still needs: ship the file with this app"
              + " too, or point this app's path at where its own build puts it",
          List.of(new Finding.Related(other.member().at(other.pointer()), "the same path, present for the other app")));
    }
  }
}
