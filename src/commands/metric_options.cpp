#include "commands/metric_options.hpp"

#include <fmt/format.h>

#include <array>

#include "commands/choice.hpp"
#include "errors.hpp"

namespace cxkpi::cli {
namespace {

void add_contact_rate(CLI::App& app, Settings& s, MetricExtras&) {
  add_choice<ContactBase>(
      app, "--per", {{"orders", ContactBase::orders}, {"customers", ContactBase::customers}},
      [&s](ContactBase b) { s.contact_rate.per = b; }, "base: contacts per 100 orders (default) or per 100 customers");
}

void add_cost_per_contact(CLI::App& app, Settings& s, MetricExtras&) {
  add_choice<CostBase>(
      app, "--per", {{"contact", CostBase::contacts}, {"handled", CostBase::handled}},
      [&s](CostBase b) { s.cost_per_contact.per = b; }, "divide by all contacts (default) or by handled contacts");
}

void add_csat(CLI::App& app, Settings& s, MetricExtras& extras) {
  app.add_option("--scale", s.csat.scale, "answers run from 1 to this (5, 7 or 10)")
      ->check(CLI::IsMember({5, 7, 10}))
      ->default_val(5);
  add_choice<CsatMethod>(
      app, "--method", {{"top2", CsatMethod::top2}, {"top1", CsatMethod::top1}, {"mean", CsatMethod::mean}},
      [&s](CsatMethod m) { s.csat.method = m; },
      "top2 (default): % scoring scale-1 or more; top1: % scoring the top; mean: average score");
  app.add_option_function<int>(
      "--satisfied-min", [&s](int k) { s.csat.satisfied_min = k; }, "lowest score that counts as satisfied");
  app.add_option("--scores", extras.scores, "answers per score, e.g. 1=10,2=10,3=30,4=80,5=120")->group("Numbers");
}

void add_abandonment(CLI::App& app, Settings& s, MetricExtras&) {
  add_choice<AbandonBase>(
      app, "--den", {{"offered", AbandonBase::offered}, {"queued", AbandonBase::queued}},
      [&s](AbandonBase b) { s.abandonment.den = b; }, "divide by offered (default) or by queued contacts");
}

void add_aht(CLI::App& app, Settings& s, MetricExtras&) {
  app.add_option_function<std::vector<std::string>>(
         "--components",
         [&s](const std::vector<std::string>& names) {
           s.aht.components = {false, false, false};
           for (const auto& n : names) {
             if (n == "talk") s.aht.components.talk = true;
             if (n == "hold") s.aht.components.hold = true;
             if (n == "wrap") s.aht.components.wrap = true;
           }
         },
         "handle-time parts to add up (default talk,hold,wrap)")
      ->delimiter(',')
      ->check(CLI::IsMember({"talk", "hold", "wrap"}, CLI::ignore_case));
}

void add_fcr(CLI::App& app, Settings& s, MetricExtras&) {
  add_choice<FcrBase>(
      app, "--den", {{"handled", FcrBase::handled}, {"resolved", FcrBase::resolved}},
      [&s](FcrBase b) { s.fcr.den = b; }, "divide by handled (default) or by resolved contacts");
}

struct MetricOptions {
  std::string_view metric;
  void (*add)(CLI::App&, Settings&, MetricExtras&);
};

constexpr std::array kMetricOptions{
    MetricOptions{"contact-rate", add_contact_rate},
    MetricOptions{"cost-per-contact", add_cost_per_contact},
    MetricOptions{"csat", add_csat},
    MetricOptions{"abandonment", add_abandonment},
    MetricOptions{"aht", add_aht},
    MetricOptions{"fcr", add_fcr},
};

}  // namespace

void add_metric_options(std::string_view metric, CLI::App& app, Settings& settings, MetricExtras& extras) {
  for (const auto& m : kMetricOptions)
    if (m.metric == metric) m.add(app, settings, extras);
}

void validate_settings(std::string_view metric, const Settings& settings) {
  if (metric != "csat") return;
  const auto& c = settings.csat;
  if (c.satisfied_min && (*c.satisfied_min < 1 || *c.satisfied_min > c.scale))
    throw Error::usage(fmt::format("--satisfied-min {} is outside the 1-{} scale", *c.satisfied_min, c.scale));
}

}  // namespace cxkpi::cli
