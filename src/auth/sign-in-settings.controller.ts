import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { SignInSettingsRequest, SignInSettingsResponse } from './dto/sign-in-settings.dto';
import { SignInSettingsService } from './sign-in-settings.service';

/** How the organisation's people sign in (process.md §7; docs/sign-in.md). */
@ApiTags('organisation')
@ApiBearerAuth()
@Controller('organisation')
export class SignInSettingsController {
  constructor(private readonly settings: SignInSettingsService) {}

  @Get('sign-in')
  @Allow('organisation:manage')
  @ApiOperation({ summary: 'How the organisation’s people sign in: password, single sign-on, second factor (admin)' })
  @ApiOkResponse({ type: SignInSettingsResponse })
  getSignInSettings(@CurrentActor() actor: Actor): Promise<SignInSettingsResponse> {
    return this.settings.get(actor);
  }

  @Put('sign-in')
  @Allow('organisation:manage')
  @ApiOperation({
    summary: 'Set how the organisation’s people sign in (admin)',
    description: 'Single sign-on only (passwordSignIn false) needs `sso`. The client secret is kept sealed and never shown; left out, it is kept.',
  })
  @ApiOkResponse({ type: SignInSettingsResponse })
  updateSignInSettings(@CurrentActor() actor: Actor, @Body() body: SignInSettingsRequest): Promise<SignInSettingsResponse> {
    return this.settings.set(actor, body);
  }
}
