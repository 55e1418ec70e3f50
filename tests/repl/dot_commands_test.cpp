// Parsing dot-command lines.
#include "repl/dot_commands.h"

#include <gtest/gtest.h>

namespace hamlet::repl {
namespace {

TEST(DotCommands, ParsesArguments) {
  auto c = ParseDotCommand("  .prefix ex: <http://ex.org/>  ");
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->spec->name, ".prefix");
  ASSERT_EQ(c->args.size(), 2u);
  EXPECT_EQ(c->args[0], "ex:");
  EXPECT_EQ(c->args[1], "<http://ex.org/>");
  auto q = ParseDotCommand(".load \"my file.ttl\" http://g");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->args[0], "my file.ttl");
  EXPECT_EQ(q->args[1], "http://g");
}

TEST(DotCommands, RestOfLineCommandsKeepSpaces) {
  auto d = ParseDotCommand(".describe Belgium – Wallonia");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->rest, "Belgium – Wallonia");
  auto e = ParseDotCommand(".explain");
  ASSERT_TRUE(e.ok());  // explains the last query
  EXPECT_EQ(e->rest, "");
  EXPECT_FALSE(ParseDotCommand(".describe").ok());
}

TEST(DotCommands, UnknownOrWrongArity) {
  auto u = ParseDotCommand(".frobnicate");
  ASSERT_FALSE(u.ok());
  EXPECT_EQ(u.status().message(), "unknown command .frobnicate; .help lists them");
  auto a = ParseDotCommand(".format");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().message(), "usage: .format table|json|csv|tsv|xml|ttl|nt|nq|trig");
  EXPECT_FALSE(ParseDotCommand(".quit now").ok());
  EXPECT_TRUE(ParseDotCommand(".exit").ok());
}

TEST(DotCommands, HelpListsEveryCommand) {
  std::string help = DotCommandHelp();
  for (const auto& c : DotCommands()) EXPECT_NE(help.find(c.usage), std::string::npos) << c.usage;
  EXPECT_TRUE(IsDotCommand("  .help"));
  EXPECT_FALSE(IsDotCommand("SELECT"));
}

}  // namespace
}  // namespace hamlet::repl
