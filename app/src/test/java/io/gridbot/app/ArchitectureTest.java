package io.gridbot.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of STYLE.md: the engine and the business know nothing of each other or of
 * anything above them; nothing depends on a channel or on the app; platform SDK types stay in their
 * channel and OpenNLP types in the engine.
 */
class ArchitectureTest {

  private static final String ENGINE = "io.gridbot.dialog..";
  private static final String SERVICE = "io.gridbot.service..";
  private static final String PORTS = "io.gridbot.service.port..";
  private static final String INTENTS = "io.gridbot.intents..";
  private static final String CHANNELS = "io.gridbot.channel..";

  /** The values the ports' signatures carry, which channels implementing them must see. */
  private static final java.util.Set<String> PORT_VALUES =
      java.util.Set.of(
          "io.gridbot.service.account.ChannelUser", "io.gridbot.service.notification.Notice");

  private static final String WECHAT = "io.gridbot.channel.wechat..";
  private static final String ALIPAY = "io.gridbot.channel.alipay..";
  private static final String WEB = "io.gridbot.channel.web..";
  private static final String APP = "io.gridbot.app..";

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gridbot");
  }

  @Test
  void everyModuleIsImported() {
    for (String pkg :
        new String[] {
          "io.gridbot.dialog",
          "io.gridbot.service",
          "io.gridbot.intents",
          "io.gridbot.channel.web",
          "io.gridbot.channel.alipay",
          "io.gridbot.app"
        }) {
      org.assertj.core.api.Assertions.assertThat(classes.containPackage(pkg))
          .as("classes of %s are on the test classpath", pkg)
          .isTrue();
    }
  }

  private static final ArchRule ENGINE_RULE =
      noClasses()
          .that()
          .resideInAPackage(ENGINE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(SERVICE, INTENTS, CHANNELS, APP);

  @Test
  void engineDependsOnNoOtherModule() {
    check(ENGINE_RULE);
  }

  @Test
  void theRulesCatchAViolation() {
    JavaClasses leaky =
        new ClassFileImporter().importClasses(io.gridbot.dialog.archfixture.LeakyEngineClass.class);
    org.assertj.core.api.Assertions.assertThat(ENGINE_RULE.evaluate(leaky).hasViolation()).isTrue();
  }

  @Test
  void serviceCoreDependsOnNoOtherModule() {
    check(
        noClasses()
            .that()
            .resideInAPackage(SERVICE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(ENGINE, INTENTS, CHANNELS, APP));
  }

  @Test
  void intentsDependOnNoChannelNorApp() {
    check(
        noClasses()
            .that()
            .resideInAPackage(INTENTS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(CHANNELS, APP));
  }

  @Test
  void channelsUseOnlyTheEngineAndServicePorts() {
    check(
        noClasses()
            .that()
            .resideInAPackage(CHANNELS)
            .should()
            .dependOnClassesThat(
                com.tngtech.archunit.base.DescribedPredicate.describe(
                    "business classes other than ports, intents or the app",
                    c ->
                        (c.getPackageName().startsWith("io.gridbot.service")
                                && !c.getPackageName().startsWith("io.gridbot.service.port")
                                && !PORT_VALUES.contains(c.getName()))
                            || c.getPackageName().startsWith("io.gridbot.intents")
                            || c.getPackageName().startsWith("io.gridbot.app"))));
  }

  @Test
  void channelsDoNotDependOnEachOther() {
    check(
        noClasses()
            .that()
            .resideInAPackage(WECHAT)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(ALIPAY, WEB));
    check(
        noClasses()
            .that()
            .resideInAPackage(ALIPAY)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(WECHAT, WEB));
    check(
        noClasses()
            .that()
            .resideInAPackage(WEB)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(WECHAT, ALIPAY));
  }

  @Test
  void wechatTypesStayInTheWechatChannel() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage(WECHAT)
            .and()
            .resideInAPackage("io.gridbot..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("me.chanjar.weixin..", "com.github.binarywang.."));
  }

  @Test
  void alipayTypesStayInTheAlipayChannel() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage(ALIPAY)
            .and()
            .resideInAPackage("io.gridbot..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.alipay.."));
  }

  @Test
  void openNlpTypesStayInTheEngine() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage(ENGINE)
            .and()
            .resideInAPackage("io.gridbot..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("opennlp.."));
  }

  private static void check(ArchRule rule) {
    rule.allowEmptyShould(true).check(classes);
  }
}
