package io.gridbot.service.execution;

import org.springframework.test.context.ActiveProfiles;

/** The same cases on H2 in MySQL mode, as the embedded default runs them. */
@ActiveProfiles(value = "h2", inheritProfiles = false)
class ExecutionLogOnH2IT extends ExecutionLogIT {}
